import { z } from 'zod';
import { CacheStatus } from '../../rpc/cache/lookup.v1';
import { GuardVerdict } from '../../rpc/guard/scan.v1';
import { RouteOutcome } from '../../rpc/router/complete.v1';

/** What every request event says about the request, whatever its outcome. */
export const RequestFacts = z.object({
  request_id: z.string(),
  occurred_at: z.iso.datetime(),
  trace_id: z.string().nullable(),
  /** The caller: the key's id and alias, never the key or its hash. */
  key_id: z.string().nullable(),
  key_alias: z.string().nullable(),
  team_id: z.string().nullable(),
  user_id: z.string().nullable(),
  /** The human or service behind an SSO token (its `sub`), next to the key id (issue #4; optional: older events lack it). */
  sso_subject: z.string().nullable().optional(),
  /** The request's own `user` field (the application's end user). */
  end_user: z.string().nullable(),
  /** The alias the client asked for. */
  model: z.string().nullable(),
  endpoint: z.string(),
  stream: z.boolean(),
  route: RouteOutcome,
  http_status: z.number().int(),
  latency_ms: z.number().nonnegative(),
  usage: z.object({
    prompt_tokens: z.number().int().nonnegative(),
    completion_tokens: z.number().int().nonnegative(),
    total_tokens: z.number().int().nonnegative(),
    cached_tokens: z.number().int().nonnegative(),
    reasoning_tokens: z.number().int().nonnegative(),
  }),
  cost: z.object({ usd: z.number().nonnegative(), price_unknown: z.boolean() }),
  cache: z.object({
    status: CacheStatus,
    // Issue #9, additive (docs/adr/0011): on a hit, what the stored answer cost when it was paid
    // for ("deflected $"; this request's own cost is 0), whose answer it was and how similar.
    saved_usd: z.number().nonnegative().optional(),
    entry_request_id: z.string().optional(),
    similarity: z.number().optional(),
  }),
  guard: GuardVerdict.nullable(),
  tags: z.array(z.string()),
  /** The key's project (issue #7, additive: older events lack it); spend_daily groups by it. */
  project: z.string().nullable().optional(),
});
export type RequestFacts = z.infer<typeof RequestFacts>;

export const exampleRequestFacts: z.input<typeof RequestFacts> = {
  request_id: 'req_01',
  occurred_at: '2026-11-22T10:00:00.000Z',
  trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
  key_id: 'key_demo',
  key_alias: 'demo',
  team_id: 'team_demo',
  user_id: null,
  end_user: null,
  model: 'gpt-4o-mini',
  endpoint: '/v1/chat/completions',
  stream: false,
  route: { deployment_id: 'gpt-4o-mini#0', provider: 'openai', provider_model: 'gpt-4o-mini', attempts: 1, ttft_ms: 120 },
  http_status: 200,
  latency_ms: 410,
  usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42, cached_tokens: 0, reasoning_tokens: 0 },
  cost: { usd: 0.0000198, price_unknown: false },
  cache: { status: 'miss' },
  guard: { action: 'allow', findings: [] },
  tags: [],
};
