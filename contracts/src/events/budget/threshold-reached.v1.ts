import { z } from 'zod';
import { defineEvent } from '../event';

/** `gh.evt.budget.threshold_reached.v1.<scope>` — spend crossed an alert threshold; once per threshold per period. */
export const BudgetThresholdReachedV1 = defineEvent({
  family: 'budget',
  name: 'threshold_reached',
  version: 1,
  stream: 'GH_BUDGET',
  description: "A scope's spend crossed an alert threshold (default 80 %, 100 %) of its budget this period.",
  schema: z.object({
    /** `<scope_id>|<period>|<threshold>`: the message id, so a threshold fires once per period. */
    alert_id: z.string(),
    scope_id: z.string(),
    period: z.string(),
    threshold: z.number().positive(),
    spent_usd: z.number().nonnegative(),
    max_budget_usd: z.number().nonnegative(),
    occurred_at: z.iso.datetime(),
  }),
  idField: 'alert_id',
  example: {
    alert_id: 'team:team_demo|monthly:2026-11|0.8',
    scope_id: 'team:team_demo',
    period: 'monthly:2026-11',
    threshold: 0.8,
    spent_usd: 80.12,
    max_budget_usd: 100,
    occurred_at: '2026-11-22T10:00:00.000Z',
  },
});
