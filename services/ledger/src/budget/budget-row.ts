import { BudgetReleasedV1, BudgetReservedV1, BudgetThresholdReachedV1 } from '@gatehouse/contracts';

/** One row of `budget_events`: a GH_BUDGET event, flattened; (kind, event_id) is its message id. */
export interface BudgetEventRow {
  kind: 'reserved' | 'released' | 'threshold_reached';
  event_id: string;
  scope_id: string;
  period: string;
  request_id: string | null;
  amount_usd: number | null;
  threshold: number | null;
  spent_usd: number | null;
  max_budget_usd: number | null;
  occurred_at: string;
  stream_seq: number;
}

export type BudgetDecision = { kind: 'row'; row: BudgetEventRow } | { kind: 'skip'; detail: string };

const none = { request_id: null, amount_usd: null, threshold: null, spent_usd: null, max_budget_usd: null };

/**
 * Pure: a GH_BUDGET message → its row. Budget events live on `<event subject>.<base64url scope>`
 * (contracts/budget-subject.ts); the scope is read from the payload, the subject only says which
 * event it is. Anything else (a newer event, a broken payload) is skipped and reported.
 */
export function toBudgetDecision(subject: string, data: unknown, seq: number): BudgetDecision {
  const is = (e: { subject: string }) => subject.startsWith(`${e.subject}.`);
  const bad = (issues: readonly { message: string }[]) => ({ kind: 'skip' as const, detail: `invalid ${subject}: ${issues[0]?.message ?? ''}` });
  if (is(BudgetReservedV1)) {
    const p = BudgetReservedV1.schema.safeParse(data);
    if (!p.success) return bad(p.error.issues);
    const e = p.data;
    return { kind: 'row', row: { ...none, kind: 'reserved', event_id: e.reservation_id, scope_id: e.scope_id, period: e.period, request_id: e.request_id, amount_usd: e.amount_usd, occurred_at: e.occurred_at, stream_seq: seq } };
  }
  if (is(BudgetReleasedV1)) {
    const p = BudgetReleasedV1.schema.safeParse(data);
    if (!p.success) return bad(p.error.issues);
    const e = p.data;
    return { kind: 'row', row: { ...none, kind: 'released', event_id: e.release_id, scope_id: e.scope_id, period: e.period, request_id: e.request_id, occurred_at: e.occurred_at, stream_seq: seq } };
  }
  if (is(BudgetThresholdReachedV1)) {
    const p = BudgetThresholdReachedV1.schema.safeParse(data);
    if (!p.success) return bad(p.error.issues);
    const e = p.data;
    return {
      kind: 'row',
      row: { ...none, kind: 'threshold_reached', event_id: e.alert_id, scope_id: e.scope_id, period: e.period, threshold: e.threshold, spent_usd: e.spent_usd, max_budget_usd: e.max_budget_usd, occurred_at: e.occurred_at, stream_seq: seq },
    };
  }
  return { kind: 'skip', detail: `event type not handled by this ledger version: ${subject}` };
}
