import type { ScopeState } from '../budget/scope-state';

/** Pure: the thresholds (fractions of the budget) this scope's spend has crossed this period and not yet announced. */
export function crossedThresholds(s: ScopeState, now: number, thresholds: readonly number[]): { period: string; threshold: number; spent: number; max: number }[] {
  const max = s.limits?.max_budget_usd;
  if (max === null || max === undefined || max <= 0) return [];
  const p = s.period(now);
  const spent = s.spent(p);
  return thresholds
    .filter((t) => spent >= max * t - 1e-12 && !s.fired.has(`${p.id}|${t}`))
    .map((threshold) => ({ period: p.id, threshold, spent, max }));
}
