import { z } from 'zod';
import { defineEvent } from '../event';

/** `gh.evt.budget.released.v1.<scope>` — a reservation ended without its request event (it expired). */
export const BudgetReleasedV1 = defineEvent({
  family: 'budget',
  name: 'released',
  version: 1,
  stream: 'GH_BUDGET',
  description: 'A budget reservation was released without settlement (expired after a crash between reserve and settle).',
  schema: z.object({
    /** `<request_id>@<scope_id>#released`: the message id (the reservation's own id is taken by `budget.reserved`). */
    release_id: z.string(),
    reservation_id: z.string(),
    request_id: z.string(),
    scope_id: z.string(),
    period: z.string(),
    reason: z.enum(['expired']),
    occurred_at: z.iso.datetime(),
  }),
  idField: 'release_id',
  example: {
    release_id: 'req_01@key:key_demo#released',
    reservation_id: 'req_01@key:key_demo',
    request_id: 'req_01',
    scope_id: 'key:key_demo',
    period: 'monthly:2026-11',
    reason: 'expired',
    occurred_at: '2026-11-22T10:10:00.000Z',
  },
});
