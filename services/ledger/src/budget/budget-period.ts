import type { BudgetDuration } from '@gatehouse/contracts';

const HOUR_MS = 3_600_000;
const FIXED_HOURS: Record<Exclude<BudgetDuration, 'monthly'>, number> = { '1h': 1, '1d': 24, '7d': 168, '30d': 720 };

export interface BudgetPeriod {
  id: string;
  startMs: number;
  endMs: number;
}

/** A period id that is not `<1h|1d|7d|30d>:<index>` or `monthly:<YYYY-MM>`. */
export class PeriodIdError extends Error {
  override readonly name = 'PeriodIdError';
}

/**
 * Pure: the budget period containing `at`, by quota's rule (docs/adr/0005): fixed durations are
 * aligned to the Unix epoch in UTC, `monthly` is the UTC calendar month. Every period is a whole
 * number of UTC hours, which is why the ledger keeps a scope's spend per hour.
 */
export function periodAt(duration: BudgetDuration, atMs: number): BudgetPeriod {
  if (duration === 'monthly') {
    const d = new Date(atMs);
    return monthly(d.getUTCFullYear(), d.getUTCMonth());
  }
  const len = FIXED_HOURS[duration] * HOUR_MS;
  const index = Math.floor(atMs / len);
  return { id: `${duration}:${index}`, startMs: index * len, endMs: (index + 1) * len };
}

/** Pure: the bounds of a period id as quota writes it in `budget.*` events. */
export function parsePeriodId(id: string): BudgetPeriod {
  const m = /^(?:monthly:(\d{4})-(\d{2})|(1h|1d|7d|30d):(\d{1,9}))$/.exec(id);
  if (!m) throw new PeriodIdError(`'${id}' is not a budget period (monthly:YYYY-MM, or 1h|1d|7d|30d:<index>)`);
  if (m[1] !== undefined) {
    const month = Number(m[2]) - 1;
    if (month < 0 || month > 11) throw new PeriodIdError(`'${id}' names no month`);
    return monthly(Number(m[1]), month);
  }
  const len = FIXED_HOURS[m[3] as keyof typeof FIXED_HOURS] * HOUR_MS;
  const index = Number(m[4]);
  return { id, startMs: index * len, endMs: (index + 1) * len };
}

function monthly(year: number, month: number): BudgetPeriod {
  const startMs = Date.UTC(year, month, 1);
  return { id: `monthly:${new Date(startMs).toISOString().slice(0, 7)}`, startMs, endMs: Date.UTC(year, month + 1, 1) };
}
