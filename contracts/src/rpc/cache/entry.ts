import { z } from 'zod';

/**
 * How the semantic half of the cache compares prompts: `embedding` — vectors from the configured
 * embedding alias, which ingress gets through `gh.rpc.router.embed.v1` (governed and accounted);
 * `local` — the cache's own hashed character-shingle vector (offline, near-duplicates only).
 */
export const SemanticMethod = z.enum(['embedding', 'local']);
export type SemanticMethod = z.infer<typeof SemanticMethod>;

/** What a stored entry remembers about the request that paid for it (for "deflected $"). */
export const CacheEntryMeta = z.object({
  /** The request whose provider answer was stored. */
  request_id: z.string(),
  /** What that answer cost; a hit saves (deflects) this much. */
  cost_usd: z.number().nonnegative(),
  created_at: z.iso.datetime(),
});
export type CacheEntryMeta = z.infer<typeof CacheEntryMeta>;
