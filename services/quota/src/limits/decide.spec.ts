import type { QuotaScope } from '@gatehouse/contracts';
import { periodOf } from '@gatehouse/contracts';
import { ScopeState } from '../budget/scope-state';
import { decide } from './decide';

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
    s.hold({ requestId: 'a', period: periodOf('1d', T).id, amountUsd: 0.2, expiresAt: T + 1e6, durable: false });
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

describe('decide: max_parallel', () => {
  // As the admission service does: the state carries the limits it was last asked with.
  const input = (s: ScopeState, limits: Partial<QuotaScope['limits']>) => {
    s.limits = scope(limits).limits;
    return [{ scope: scope(limits), state: s }];
  };

  const exact = { headroomFraction: 0.05, parallelHeadroomFraction: 0.05 };

  it('keeps every slot in memory by default (no event per admission)', () => {
    const s = new ScopeState('key:k');
    s.memParallel = 1;
    expect(decide(input(s, { max_parallel: 2 }), { tokens: 1, costUsd: 0 }, T, { headroomFraction: 0.05 })).toMatchObject({ kind: 'admitted', budgets: [] });
  });

  it('with crash-exact slots, appends the slot as an event once memory-only in-flight requests would pass their share', () => {
    const s = new ScopeState('key:k');
    // 5 % of 2 is under one request: every slot is an event ($0 on a scope without budget).
    expect(decide(input(s, { max_parallel: 2 }), { tokens: 1, costUsd: 0.1 }, T, exact)).toMatchObject({
      kind: 'admitted', budgets: [{ scopeId: 'key:k', period: periodOf('monthly', T).id, durable: true }],
    });
    // 5 % of 100: five may stay in memory, the sixth is an event.
    s.memParallel = 4;
    expect(decide(input(s, { max_parallel: 100 }), { tokens: 1, costUsd: 0 }, T, exact)).toMatchObject({ budgets: [] });
    s.memParallel = 5;
    expect(decide(input(s, { max_parallel: 100 }), { tokens: 1, costUsd: 0 }, T, exact)).toMatchObject({ budgets: [{ durable: true }] });
  });

  it('with crash-exact slots, makes a budget reservation durable for the slot even when the budget is far away', () => {
    const s = new ScopeState('key:k');
    expect(decide(input(s, { max_parallel: 3, max_budget_usd: 100, budget_duration: '1d' }), { tokens: 1, costUsd: 0.01 }, T, exact)).toMatchObject({
      budgets: [{ period: periodOf('1d', T).id, durable: true }],
    });
  });

  it('counts in-flight requests of every owner, and refuses at the limit', () => {
    const s = new ScopeState('key:k');
    s.hold({ requestId: 'from-an-event', period: 'p', amountUsd: 0, expiresAt: T + 1e6, durable: true });
    s.hold({ requestId: 'here', period: 'p', amountUsd: 0, expiresAt: T + 1e6, durable: false });
    expect(decide(input(s, { max_parallel: 2 }), { tokens: 1, costUsd: 0 }, T, { headroomFraction: 0.05 })).toMatchObject({ kind: 'refused', code: 'rate_limit_exceeded', message: expect.stringContaining('2 at a time') });
    s.release('from-an-event');
    expect(decide(input(s, { max_parallel: 2 }), { tokens: 1, costUsd: 0 }, T, { headroomFraction: 0.05 }).kind).toBe('admitted');
  });
});

describe('periodOf', () => {
  it('aligns fixed durations to the epoch and monthly to the UTC calendar', () => {
    expect(periodOf('1h', T + 1)).toMatchObject({ startMs: T, endMs: T + 3_600_000 });
    expect(periodOf('monthly', Date.UTC(2026, 1, 28, 23))).toMatchObject({ id: 'monthly:2026-02', endMs: Date.UTC(2026, 2, 1) });
  });
});
