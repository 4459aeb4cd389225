import type {
  CacheStatus,
  GatehouseError,
  GuardVerdict,
  Principal,
  RequestFacts,
  RouteOutcome,
  Usage,
} from '@gatehouse/contracts';
import type { Cost } from '@gatehouse/pricing';

/**
 * What ingress learns about one request as it goes through the hops; becomes the request's
 * `request.completed` or `request.failed` event at the end. Plain data, filled in by the pipeline.
 */
export interface RequestRecord {
  requestId: string;
  traceId: string;
  endpoint: string;
  startedAt: number; // performance.now()
  occurredAt: Date;
  principal: Principal | null;
  model: string | null;
  endUser: string | null;
  stream: boolean;
  tags: string[];
  route: RouteOutcome;
  usage: Usage | null;
  cost: Cost;
  cache: CacheStatus;
  guard: GuardVerdict | null;
}

export function newRecord(requestId: string, traceId: string, endpoint: string, now = new Date()): RequestRecord {
  return {
    requestId, traceId, endpoint,
    startedAt: performance.now(),
    occurredAt: now,
    principal: null, model: null, endUser: null, stream: false, tags: [],
    route: { deployment_id: null, provider: null, provider_model: null, attempts: 0, ttft_ms: null },
    usage: null,
    cost: { usd: 0, price_unknown: false },
    cache: 'miss',
    guard: null,
  };
}

/** Pure: the event payload for a finished request. */
export function toRequestFacts(r: RequestRecord, httpStatus: number, now = performance.now()): RequestFacts {
  const u = r.usage;
  return {
    request_id: r.requestId,
    occurred_at: r.occurredAt.toISOString(),
    trace_id: r.traceId,
    key_id: r.principal?.key_id ?? null,
    key_alias: r.principal?.key_alias ?? null,
    team_id: r.principal?.team_id ?? null,
    user_id: r.principal?.user_id ?? null,
    sso_subject: r.principal?.sso_subject ?? null,
    end_user: r.endUser,
    model: r.model,
    endpoint: r.endpoint,
    stream: r.stream,
    route: r.route,
    http_status: httpStatus,
    latency_ms: Math.max(0, Math.round((now - r.startedAt) * 1000) / 1000),
    usage: {
      prompt_tokens: u?.prompt_tokens ?? 0,
      completion_tokens: u?.completion_tokens ?? 0,
      total_tokens: u?.total_tokens ?? 0,
      cached_tokens: u?.prompt_tokens_details?.cached_tokens ?? 0,
      reasoning_tokens: u?.completion_tokens_details?.reasoning_tokens ?? 0,
    },
    cost: r.cost,
    cache: { status: r.cache },
    guard: r.guard,
    tags: r.tags,
    ...(r.principal?.project ? { project: r.principal.project } : {}),
  };
}

export function failedFacts(r: RequestRecord, err: GatehouseError, now = performance.now()) {
  return { ...toRequestFacts(r, err.status, now), error: { code: err.code, message: err.message } };
}

/**
 * Pure: LiteLLM-style request tags — the request's `metadata.tags` (strings only), then the
 * `x-litellm-tags` header (comma-separated, trimmed) — without repeats, at most 32 of 128 chars.
 */
export function tagsFrom(metadata: Record<string, unknown> | undefined, header?: string | string[]): string[] {
  const fromBody = Array.isArray(metadata?.tags) ? (metadata.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  const fromHeader = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((t) => t.trim());
  return [...new Set([...fromBody, ...fromHeader].filter((t) => t.length > 0 && t.length <= 128))].slice(0, 32);
}
