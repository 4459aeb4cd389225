import type { QuotaScope } from '@gatehouse/contracts';
import { periodOf } from '@gatehouse/contracts';
import { ScopeState } from '../budget/scope-state';
import { decide } from './decide';
import { SlidingWindow } from './sliding-window';

const scope = (limits: Partial<QuotaScope['limits']>): QuotaScope => ({
  id: 'key:k', kind: 'key', label: 'key k',
  limits: { rpm: null, tpm: null, max_parallel: null, max_budget_usd: null, budget_duration: null, ...limits },
});
const T = Date.UTC(2026, 10, 22, 10);

describe('decide', () => {
  it('refuses past the budget (spent + reserved + estimate) and names the limit and its reset', () => {
    const s = new ScopeState('key:k');
    s.limits = scope({ max_budget_usd: 1, budget_duration: '1d' }).limits;
    s.charge(T, 0.7);
    s.hold({ requestId: 'a', period: periodOf('1d', T).id, amountUsd: 0.2, expiresAt: T + 1e6, durable: false, mine: true });
    const d = decide([{ scope: scope(s.limits), state: s }], { tokens: 1, costUsd: 0.2 }, T, { headroomFraction: 0.05 });
    expect(d).toMatchObject({ kind: 'refused', code: 'budget_exceeded', message: expect.stringContaining('Budget of key k exceeded') });
    expect(decide([{ scope: scope(s.limits), state: s }], { tokens: 1, costUsd: 0.1 }, T, { headroomFraction: 0.05 })).toMatchObject({ kind: 'admitted', budgets: [{ durable: true }] });
  });

  it('keeps reservations in memory while they stay within the headroom share', () => {
    const s = new ScopeState('key:k');
    s.limits = scope({ max_budget_usd: 100 }).limits;
    expect(decide([{ scope: scope(s.limits), state: s }], { tokens: 1, costUsd: 1 }, T, { headroomFraction: 0.05 })).toMatchObject({ budgets: [{ durable: false }] });
  });

  it('refuses at max_parallel and past rpm, with when to retry', () => {
    const s = new ScopeState('key:k');
    s.parallel = 2;
    expect(decide([{ scope: scope({ max_parallel: 2 }), state: s }], { tokens: 1, costUsd: 0 }, T, { headroomFraction: 0.05 })).toMatchObject({ code: 'rate_limit_exceeded' });
    s.parallel = 0;
    s.window.add('a', 1, T - 30_000);
    expect(decide([{ scope: scope({ rpm: 1 }), state: s }], { tokens: 1, costUsd: 0 }, T, { headroomFraction: 0.05 })).toMatchObject({ retryAfterS: 30 });
  });
});

describe('SlidingWindow', () => {
  it('counts tokens, frees a request that never ran, and settles to actual tokens', () => {
    const w = new SlidingWindow(60_000);
    w.add('a', 600, 0);
    expect(w.check(null, 1000, 500, 1).admitted).toBe(false);
    w.settle('a', 100);
    expect(w.check(null, 1000, 500, 1).admitted).toBe(true);
    w.add('b', 1, 2);
    w.remove('b');
    expect(w.check(2, null, 0, 3).requestsRemaining).toBe(0);
    expect(w.check(1, null, 0, 60_001).admitted).toBe(true);
  });
});

describe('SlidingWindow reset times', () => {
  const w = new SlidingWindow(60_000);
  for (let i = 0; i < 10_000; i++) w.add(`r${i}`, 1, i);

  it('says when the oldest entries free what is needed', () => {
    expect(w.check(null, 10_000, 10, 10_000)).toMatchObject({ admitted: false, refusedBy: 'tpm', tokensResetMs: 60_000 + 9 - 10_000 });
    expect(w.check(null, 10_010, 10, 10_000)).toMatchObject({ admitted: true, tokensResetMs: 60_000 - 10_000 });
  });

  it('answers when the newest leaves once the walk would be long (a later, still true reset)', () => {
    expect(w.check(null, 1_000, 10, 10_000)).toMatchObject({ admitted: false, tokensResetMs: 60_000 + 9_999 - 10_000 });
  });
});

describe('periodOf', () => {
  it('aligns fixed durations to the epoch and monthly to the UTC calendar', () => {
    expect(periodOf('1h', T + 1)).toMatchObject({ startMs: T, endMs: T + 3_600_000 });
    expect(periodOf('monthly', Date.UTC(2026, 1, 28, 23))).toMatchObject({ id: 'monthly:2026-02', endMs: Date.UTC(2026, 2, 1) });
  });
});
