import type { BudgetDuration } from '../../rpc/quota/scope';

export const HOUR_MS = 3_600_000;

const FIXED_HOURS: Record<Exclude<BudgetDuration, 'monthly'>, number> = { '1h': 1, '1d': 24, '7d': 168, '30d': 720 };

/**
 * A budget period. Its id is part of the `budget.*` events (`period`) and of `budget_usage`
 * queries, so the rule lives here, shared by quota (which decides) and the ledger (which reports).
 */
export interface BudgetPeriod {
  /** `<duration>:<index>` (`1d:20414`) or `monthly:<YYYY-MM>`: the same for every scope and replica. */
  id: string;
  duration: BudgetDuration;
  startMs: number;
  endMs: number;
}

/** A period id that is not `<1h|1d|7d|30d>:<index>` or `monthly:<YYYY-MM>`. */
export class PeriodIdError extends Error {
  override readonly name = 'PeriodIdError';
}

/**
 * Pure: the budget period containing `atMs` (docs/adr/0005). Fixed durations are aligned to the
 * Unix epoch in UTC and `monthly` is the calendar month in UTC, so every scope and every replica
 * agrees on the boundary, and every period is a whole number of UTC hours (spend is kept per hour).
 */
export function periodOf(duration: BudgetDuration, atMs: number): BudgetPeriod {
  if (duration === 'monthly') {
    const d = new Date(atMs);
    return monthly(d.getUTCFullYear(), d.getUTCMonth());
  }
  return fixed(duration, Math.floor(atMs / (FIXED_HOURS[duration] * HOUR_MS)));
}

/** Pure: the period an id names, as quota writes it in `budget.*` events. */
export function parsePeriodId(id: string): BudgetPeriod {
  const m = /^(?:monthly:(\d{4})-(\d{2})|(1h|1d|7d|30d):(\d{1,9}))$/.exec(id);
  if (!m) throw new PeriodIdError(`'${id}' is not a budget period (monthly:YYYY-MM, or 1h|1d|7d|30d:<index>)`);
  if (m[1] !== undefined) {
    const month = Number(m[2]) - 1;
    if (month < 0 || month > 11) throw new PeriodIdError(`'${id}' names no month`);
    return monthly(Number(m[1]), month);
  }
  return fixed(m[3] as keyof typeof FIXED_HOURS, Number(m[4]));
}

/** Pure: the earliest instant any current period may start at: how far back a rebuild reads. */
export function earliestPeriodStart(nowMs: number): number {
  return Math.min(periodOf('monthly', nowMs).startMs, periodOf('30d', nowMs).startMs);
}

/** Pure: the UTC hour (hours since the epoch) an instant falls in. */
export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

function fixed(duration: keyof typeof FIXED_HOURS, index: number): BudgetPeriod {
  const len = FIXED_HOURS[duration] * HOUR_MS;
  return { id: `${duration}:${index}`, duration, startMs: index * len, endMs: (index + 1) * len };
}

function monthly(year: number, month: number): BudgetPeriod {
  const startMs = Date.UTC(year, month, 1);
  return { id: `monthly:${new Date(startMs).toISOString().slice(0, 7)}`, duration: 'monthly', startMs, endMs: Date.UTC(year, month + 1, 1) };
}
