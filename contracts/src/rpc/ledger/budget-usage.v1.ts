import { z } from 'zod';
import { BudgetDuration } from '../quota/scope';
import { defineRpc, Services } from '../contract';
import { SpendScope } from './spend-scope';

const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

/**
 * One budget scope (`key:<id>`, `team:<id>`, `user:<team>:<end user>`, `model:<alias>`) in one
 * budget period (`monthly:2026-11`, `1d:20414`; docs/adr/0005): settled spend from request events,
 * reservations, releases and alerts from GH_BUDGET. Amounts are exact decimals.
 */
export const BudgetUsageRow = z.object({
  scope_id: z.string(),
  period: z.string(),
  period_start: z.iso.datetime(),
  period_end: z.iso.datetime(),
  /** Requests charged to this scope in the period (completed and failed) and what they cost. */
  requests: z.number().int(),
  spend_usd: Decimal,
  /** `budget.reserved` events of the period, and what they held (worst-case estimates). */
  reservations: z.number().int(),
  reserved_usd: Decimal,
  /** `budget.released` events (reservations that expired unsettled). */
  releases: z.number().int(),
  released_usd: Decimal,
  /** Durable reservations neither settled by their request event nor released yet. */
  open_reserved_usd: Decimal,
  /** `budget.threshold_reached` events: the highest threshold crossed, and the budget it named. */
  alerts: z.number().int(),
  last_threshold: z.number().nullable(),
  max_budget_usd: Decimal.nullable(),
});
export type BudgetUsageRow = z.infer<typeof BudgetUsageRow>;

/**
 * `gh.rpc.ledger.budget_usage.v1` — budget usage per scope for one period (`period`, or the period
 * of `budget_duration` containing `at`), read from the ledger's projections; team scope decided by
 * ingress (a team admin sees `team:<own>` and `user:<own>:…` only).
 */
export const LedgerBudgetUsageV1 = defineRpc({
  service: Services.ledger,
  op: 'budget_usage',
  version: 1,
  description: 'Budget usage per scope and period (spend from request events, reservations / releases / alerts from GH_BUDGET), within a team scope decided by ingress.',
  timeoutMs: 10_000,
  request: z.object({
    scope: SpendScope,
    /** One scope, or every scope with activity in the period. */
    scope_id: z.string().min(1).nullable(),
    /** A period id; else the `budget_duration` period containing `at`. */
    period: z.string().nullable(),
    budget_duration: BudgetDuration,
    at: z.iso.datetime(),
    limit: z.number().int().positive().max(10_000),
  }),
  response: z.object({ usage: z.array(BudgetUsageRow) }),
  example: {
    request: { scope: { team_id: null }, scope_id: 'team:team_demo', period: null, budget_duration: 'monthly', at: '2026-11-22T10:00:00.000Z', limit: 100 },
    response: {
      usage: [{
        scope_id: 'team:team_demo', period: 'monthly:2026-11', period_start: '2026-11-01T00:00:00.000Z', period_end: '2026-12-01T00:00:00.000Z',
        requests: 3, spend_usd: '80.1200000000', reservations: 1, reserved_usd: '0.0042000000', releases: 0, released_usd: '0', open_reserved_usd: '0',
        alerts: 1, last_threshold: 0.8, max_budget_usd: '100',
      }],
    },
  },
});
