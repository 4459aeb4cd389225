import type { BudgetDuration } from '@gatehouse/contracts';

export const HOUR_MS = 3_600_000;

const FIXED_HOURS: Record<Exclude<BudgetDuration, 'monthly'>, number> = { '1h': 1, '1d': 24, '7d': 168, '30d': 720 };

export interface Period {
  /** `<duration>:<index>` (`1d:20414`) or `monthly:<YYYY-MM>`: the same for every scope and replica. */
  id: string;
  duration: BudgetDuration;
  startMs: number;
  endMs: number;
}

/**
 * Pure: the budget period containing `now`. Fixed durations are aligned to the Unix epoch in UTC
 * and `monthly` is the calendar month in UTC, so every scope and every replica agrees on the
 * boundary, and every period is a whole number of UTC hours (spend is kept per hour).
 */
export function periodOf(duration: BudgetDuration, now: number): Period {
  if (duration === 'monthly') {
    const d = new Date(now);
    const startMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const endMs = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return { id: `monthly:${d.toISOString().slice(0, 7)}`, duration, startMs, endMs };
  }
  const len = FIXED_HOURS[duration] * HOUR_MS;
  const index = Math.floor(now / len);
  return { id: `${duration}:${index}`, duration, startMs: index * len, endMs: (index + 1) * len };
}

/** Pure: the earliest instant any current period may start at: how far back a rebuild reads. */
export function earliestPeriodStart(now: number): number {
  return Math.min(periodOf('monthly', now).startMs, periodOf('30d', now).startMs);
}

export function hourOf(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}
