import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { ChatCompletion } from '../../openai/chat-completions';
import { SemanticMethod } from './entry';

/**
 * `gh.rpc.cache.store.v1` — keep a successful answer for later look-ups. Ingress sends it after
 * the client has the response, only when the team opted in, the client allowed storing and the
 * guard found nothing. The cache evicts the namespace's oldest entries beyond `max_entries`.
 */
export const CacheStoreV1 = defineRpc({
  service: Services.cache,
  op: 'store',
  version: 1,
  description: "Store a completed answer in the caller's namespace (exact key, and a vector when semantic).",
  timeoutMs: 1_000,
  request: z.object({
    request_id: z.string(),
    namespace: z.string(),
    request: z.record(z.string(), z.unknown()),
    response: ChatCompletion,
    cost_usd: z.number().nonnegative(),
    /** Capped by the bucket's own TTL (its stream's max_age). */
    ttl_s: z.number().positive(),
    max_entries: z.number().int().positive(),
    semantic: z.object({ method: SemanticMethod, embedding_model: z.string().optional(), vector: z.array(z.number()).optional() }).optional(),
  }),
  response: z.object({ stored: z.boolean(), key: z.string(), evicted: z.number().int().nonnegative() }),
  example: {
    request: {
      request_id: 'req_1', namespace: 'team:team_demo',
      request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      response: {
        id: 'chatcmpl-1', object: 'chat.completion', created: 1760000000, model: 'gpt-4o',
        choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
      },
      cost_usd: 0.00002, ttl_s: 3600, max_entries: 10000,
    },
    response: { stored: true, key: 'e.team_team_demo-1a2b3c4d5e6f.9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', evicted: 0 },
  },
});
