import { budgetSubject, BudgetReleasedV1, BudgetReservedV1, BudgetThresholdReachedV1 } from '@gatehouse/contracts';
import { toBudgetDecision } from './budget-row';

describe('toBudgetDecision', () => {
  it('flattens each budget event, keyed by its message id', () => {
    const r = toBudgetDecision(budgetSubject(BudgetReservedV1, 'key:key_demo'), BudgetReservedV1.example, 4);
    expect(r).toEqual({ kind: 'row', row: {
      kind: 'reserved', event_id: 'req_01@key:key_demo', scope_id: 'key:key_demo', period: 'monthly:2026-11', request_id: 'req_01', amount_usd: 0.0042,
      threshold: null, spent_usd: null, max_budget_usd: null, occurred_at: '2026-11-22T10:00:00.000Z', stream_seq: 4,
    } });
    expect(toBudgetDecision(budgetSubject(BudgetReleasedV1, 'key:key_demo'), BudgetReleasedV1.example, 5)).toMatchObject({ kind: 'row', row: { kind: 'released', event_id: 'req_01@key:key_demo#released', amount_usd: null } });
    expect(toBudgetDecision(budgetSubject(BudgetThresholdReachedV1, 'team:team_demo'), BudgetThresholdReachedV1.example, 6)).toMatchObject({
      kind: 'row', row: { kind: 'threshold_reached', event_id: 'team:team_demo|monthly:2026-11|0.8', threshold: 0.8, spent_usd: 80.12, max_budget_usd: 100 },
    });
  });

  it('skips a broken payload, an unknown event, and a bare subject without its scope token', () => {
    expect(toBudgetDecision(budgetSubject(BudgetReservedV1, 'key:k'), { reservation_id: 'x' }, 1).kind).toBe('skip');
    expect(toBudgetDecision('gh.evt.budget.rebalanced.v1.a2V5Omsx', {}, 1)).toMatchObject({ kind: 'skip', detail: expect.stringContaining('not handled') });
    expect(toBudgetDecision(BudgetReservedV1.subject, BudgetReservedV1.example, 1).kind).toBe('skip');
  });
});
