import { z } from 'zod';
import { defineEvent } from '../event';

export const BudgetReservation = z.object({
  /** `<request_id>@<scope_id>`: the message id, so a republish is dropped. */
  reservation_id: z.string(),
  request_id: z.string(),
  scope_id: z.string(),
  /** The budget period the reservation counts in (`monthly:2026-11`, `1d:20414`). */
  period: z.string(),
  amount_usd: z.number().nonnegative(),
  /** After this the reservation is void (its holder crashed); the request's event settles it earlier. */
  expires_at: z.iso.datetime(),
  occurred_at: z.iso.datetime(),
  /** The quota replica that reserved. */
  reserved_by: z.string(),
});
export type BudgetReservation = z.infer<typeof BudgetReservation>;

/**
 * `gh.evt.budget.reserved.v1.<scope>` — a request's worst-case cost was reserved against a scope's
 * budget near its limit (appended with expected-last-subject-sequence), or flushed by an owner
 * handing its partition over.
 */
export const BudgetReservedV1 = defineEvent({
  family: 'budget',
  name: 'reserved',
  version: 1,
  stream: 'GH_BUDGET',
  description: "A request's worst-case cost was reserved against a budget; its request event or expiry ends it.",
  schema: BudgetReservation,
  idField: 'reservation_id',
  example: {
    reservation_id: 'req_01@key:key_demo',
    request_id: 'req_01',
    scope_id: 'key:key_demo',
    period: 'monthly:2026-11',
    amount_usd: 0.0042,
    expires_at: '2026-11-22T10:10:00.000Z',
    occurred_at: '2026-11-22T10:00:00.000Z',
    reserved_by: 'quota-1a2b',
  },
});
