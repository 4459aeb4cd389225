import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { ChatCompletion } from '../../openai/chat-completions';

export const CacheStatus = z.enum(['hit', 'miss', 'semantic-hit', 'bypass']);
export type CacheStatus = z.infer<typeof CacheStatus>;

/**
 * `gh.rpc.cache.lookup.v1` — is there a stored answer for exactly this request in this tenant's
 * namespace? The key is computed by the cache service from the request, so every replica and
 * every caller agree on it.
 */
export const CacheLookupV1 = defineRpc({
  service: Services.cache,
  op: 'lookup',
  version: 1,
  description: "Look up a stored completion for this request in the caller's namespace.",
  timeoutMs: 300,
  request: z.object({
    request_id: z.string(),
    namespace: z.string(),
    request: z.record(z.string(), z.unknown()),
  }),
  response: z.discriminatedUnion('status', [
    z.object({ status: z.literal('hit'), response: ChatCompletion }),
    z.object({ status: z.literal('miss') }),
    z.object({ status: z.literal('bypass'), reason: z.string() }),
  ]),
  example: {
    request: { request_id: 'req_1', namespace: 'team_demo', request: { model: 'gpt-4o', messages: [] } },
    response: { status: 'miss' },
  },
});
