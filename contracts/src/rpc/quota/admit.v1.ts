import { z } from 'zod';
import { defineRpc, Services } from '../contract';

export const RateLimitState = z.object({
  limit_requests: z.number().int().nullable(),
  remaining_requests: z.number().int().nullable(),
  /** Seconds until the request window has room again. */
  reset_requests_s: z.number().nullable(),
});
export type RateLimitState = z.infer<typeof RateLimitState>;

/**
 * `gh.rpc.quota.admit.v1` — may this request start now? Counts it against the key's limits when
 * it may. Refusals come back as `rate_limit_exceeded` errors with `retryAfter` and the
 * `x-ratelimit-*` headers in their details.
 */
export const QuotaAdmitV1 = defineRpc({
  service: Services.quota,
  op: 'admit',
  version: 1,
  description: "Admit a request against its key's rate limits, or refuse it with when to retry.",
  timeoutMs: 1_000,
  request: z.object({
    request_id: z.string(),
    key_id: z.string(),
    team_id: z.string().nullable(),
    model: z.string(),
    rpm_limit: z.number().int().positive().nullable(),
  }),
  response: z.object({ admitted: z.literal(true), rate_limit: RateLimitState }),
  example: {
    request: { request_id: 'req_1', key_id: 'key_demo', team_id: null, model: 'gpt-4o', rpm_limit: 60 },
    response: { admitted: true, rate_limit: { limit_requests: 60, remaining_requests: 59, reset_requests_s: 60 } },
  },
});
