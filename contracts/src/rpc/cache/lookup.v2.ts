import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { ChatCompletion } from '../../openai/chat-completions';
import { CacheEntryMeta, SemanticMethod } from './entry';

/**
 * `gh.rpc.cache.lookup.v2` — exact, then (when asked) semantic look-up in the caller's namespace.
 * v2 adds the semantic half and the stored entry's cost; v1 stays served (exact only).
 * With `method: embedding` and no `vector`, an exact miss answers `embed_text`: the text the
 * cache compares, which ingress embeds through the router and sends back with a second look-up.
 */
export const CacheLookupV2 = defineRpc({
  service: Services.cache,
  op: 'lookup',
  version: 2,
  description: "Look up a stored completion for this request (exact, then semantic) in the caller's namespace.",
  timeoutMs: 300,
  request: z.object({
    request_id: z.string(),
    namespace: z.string(),
    request: z.record(z.string(), z.unknown()),
    semantic: z
      .object({
        method: SemanticMethod,
        /** Cosine similarity at or above which a stored prompt counts as the same question. */
        threshold: z.number().min(0).max(1),
        /** The embedding alias the vector came from: vectors of different models never meet. */
        embedding_model: z.string().optional(),
        vector: z.array(z.number()).optional(),
      })
      .optional(),
    /** Skip the exact half (the second look-up of the embedding flow already missed it). */
    skip_exact: z.boolean().optional(),
  }),
  response: z.discriminatedUnion('status', [
    z.object({ status: z.literal('hit'), response: ChatCompletion, entry: CacheEntryMeta }),
    z.object({ status: z.literal('semantic-hit'), response: ChatCompletion, entry: CacheEntryMeta, similarity: z.number() }),
    z.object({ status: z.literal('miss'), embed_text: z.string().optional() }),
    z.object({ status: z.literal('bypass'), reason: z.string() }),
  ]),
  example: {
    request: {
      request_id: 'req_1', namespace: 'team:team_demo',
      request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      semantic: { method: 'local', threshold: 0.9 },
    },
    response: { status: 'miss' },
  },
});
