import type { Principal } from '@gatehouse/contracts';
import type { GatewayConfig } from '@gatehouse/config';

/** What the client asked of the cache for one request (HTTP `Cache-Control`, LiteLLM's body `cache`). */
export interface CacheControls {
  /** `no-cache`: do not answer from the cache (the answer may still be stored). */
  noCache: boolean;
  /** `no-store`: do not keep this answer. */
  noStore: boolean;
  /** Seconds the stored answer should live. */
  ttlS: number | null;
}

/** Pure: the controls from the `cache-control` header and the body's `cache` object (either may say it). */
export function cacheControls(header: string | string[] | undefined, body: unknown): CacheControls {
  const tokens = new Set(
    [header ?? []].flat().flatMap((h) => h.split(',')).map((t) => t.trim().toLowerCase()),
  );
  const b = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const ttl = typeof b.ttl === 'number' && b.ttl > 0 ? b.ttl : null;
  return {
    noCache: tokens.has('no-cache') || b['no-cache'] === true,
    noStore: tokens.has('no-store') || b['no-store'] === true,
    ttlS: ttl,
  };
}

export interface SemanticPlan {
  method: 'embedding' | 'local';
  threshold: number;
  embedding_model?: string;
}

/** Whether and how one request uses the cache. */
export type CachePlan =
  | { enabled: false; reason: string }
  | { enabled: true; namespace: string; lookup: boolean; store: boolean; ttlS: number; maxEntries: number; semantic: SemanticPlan | null };

const DEFAULT_TTL_S = 3600;
const DEFAULT_THRESHOLD = 0.9;
const CHAT_CALL_TYPES = ['completion', 'acompletion'];

const listed = (list: string[], teamId: string) => list.includes('*') || list.includes(teamId);

/**
 * Pure: the plan for one request (docs/adr/0011). The cache is on when `litellm_settings.cache`
 * is true, the call type is supported and the caller's team opted in (`gatehouse.cache.teams`);
 * the namespace is the team, so another team never sees its entries.
 */
export function cachePlan(config: GatewayConfig, principal: Principal, controls: CacheControls): CachePlan {
  const ls = config.litellmSettings;
  if (ls.cache !== true) return { enabled: false, reason: 'cache off' };
  const params = ls.cache_params ?? {};
  if (params.supported_call_types && !params.supported_call_types.some((t) => CHAT_CALL_TYPES.includes(t))) {
    return { enabled: false, reason: 'call type not cached' };
  }
  const settings = config.gatehouse.cache;
  const teamId = principal.team_id;
  if (!teamId || !listed(settings.teams, teamId)) return { enabled: false, reason: 'team not opted in' };
  const alias = settings.embedding_model ?? params.redis_semantic_cache_embedding_model ?? params.qdrant_semantic_cache_embedding_model;
  const semantic: SemanticPlan | null = (params.type ?? '').endsWith('-semantic') && listed(settings.semantic_teams, teamId)
    ? { method: alias ? 'embedding' : 'local', threshold: params.similarity_threshold ?? DEFAULT_THRESHOLD, ...(alias ? { embedding_model: alias } : {}) }
    : null;
  return {
    enabled: true,
    namespace: `team:${teamId}`,
    lookup: !controls.noCache,
    store: !controls.noStore,
    ttlS: controls.ttlS ?? params.ttl ?? DEFAULT_TTL_S,
    maxEntries: settings.max_entries_per_namespace,
    semantic,
  };
}
