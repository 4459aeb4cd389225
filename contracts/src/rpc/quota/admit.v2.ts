import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { QUOTA_PARTITIONS, QuotaScope } from './scope';

/** One window's state for the `x-ratelimit-*-requests|tokens` headers. */
export const WindowState = z.object({
  limit: z.number().int(),
  remaining: z.number().int(),
  /** Seconds until the window has room again. */
  reset_s: z.number().nonnegative(),
});
export type WindowState = z.infer<typeof WindowState>;

export const RateLimitStateV2 = z.object({ requests: WindowState.nullable(), tokens: WindowState.nullable() });
export type RateLimitStateV2 = z.infer<typeof RateLimitStateV2>;

/**
 * `gh.rpc.quota.admit.v2` — admit a request against every scope it counts against (key, team,
 * end user, model), reserving its worst-case cost on each budget. Served per partition on
 * `gh.rpc.quota.admit.v2.p<NN>` by the partition's owner only (docs/adr/0005); the caller sends one
 * request per partition its scopes fall in, with only those scopes. Refusals are
 * `rate_limit_exceeded` / `budget_exceeded` naming the limit and when it resets, with `retryAfter`.
 * Settlement needs no call: the request's `request.completed|failed` event settles it.
 */
export const QuotaAdmitV2 = defineRpc({
  service: Services.quota,
  op: 'admit',
  version: 2,
  description: 'Admit a request against the scopes of one partition (rpm, tpm, parallel, $ budget), reserving its worst-case cost.',
  timeoutMs: 1_000,
  request: z.object({
    request_id: z.string(),
    partition: z.number().int().min(0).max(QUOTA_PARTITIONS - 1),
    scopes: z.array(QuotaScope).min(1),
    /** Worst case: prompt tokens + max output tokens, and their price. */
    estimate: z.object({ tokens: z.number().int().nonnegative(), cost_usd: z.number().nonnegative() }),
  }),
  response: z.object({ admitted: z.literal(true), rate_limit: RateLimitStateV2 }),
  example: {
    request: {
      request_id: 'req_1',
      partition: 7,
      scopes: [{ id: 'key:key_demo', kind: 'key', label: 'key demo', limits: { rpm: 60, tpm: null, max_parallel: null, max_budget_usd: 10, budget_duration: 'monthly' } }],
      estimate: { tokens: 1200, cost_usd: 0.0042 },
    },
    response: { admitted: true, rate_limit: { requests: { limit: 60, remaining: 59, reset_s: 60 }, tokens: null } },
  },
});

/** The subject a partition's owner serves. */
export function admitSubject(partition: number): string {
  return `${QuotaAdmitV2.subject}.p${String(partition).padStart(2, '0')}`;
}
