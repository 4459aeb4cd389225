import { z } from 'zod';
import { GuardSettings } from '@gatehouse/detectors';

/**
 * The LiteLLM proxy `config.yaml`, as LiteLLM users write it, plus Gatehouse's own `gatehouse:`
 * section. Sections are loose: keys LiteLLM knows and we do not honour yet are kept and reported
 * as warnings by `unknownKeys`, never fatal.
 */

const num = z.coerce.number();

export const LitellmParams = z.looseObject({
  model: z
    .string()
    .regex(/^[a-z0-9_-]+\/.+|^[^/]+$/i, 'must be "provider/model" (e.g. "openai/gpt-4o")'),
  api_base: z.url({ message: 'must be a URL' }).optional(),
  api_key: z.string().optional(),
  api_version: z.string().optional(),
  rpm: num.int().positive().optional(),
  tpm: num.int().positive().optional(),
  timeout: num.positive().optional(),
  stream_timeout: num.positive().optional(),
  weight: num.nonnegative().optional(),
  order: num.int().positive().optional(),
  max_retries: num.int().nonnegative().optional(),
  input_cost_per_token: num.nonnegative().optional(),
  output_cost_per_token: num.nonnegative().optional(),
  tags: z.array(z.string()).optional(),
});

export const ModelEntry = z.looseObject({
  model_name: z.string().min(1),
  litellm_params: LitellmParams,
  model_info: z.looseObject({ id: z.string().optional() }).optional(),
});

/** A budget's reset period (docs/adr/0005). */
const Budget = z.enum(['1h', '1d', '7d', '30d', 'monthly']);

export const ConfigKey = z.strictObject({
  key: z.string().min(8, 'keys must be at least 8 characters'),
  key_id: z.string().optional(),
  key_alias: z.string().optional(),
  team_id: z.string().optional(),
  user_id: z.string().optional(),
  models: z.array(z.string()).optional(),
  rpm_limit: num.int().positive().optional(),
  tpm_limit: num.int().positive().optional(),
  max_parallel_requests: num.int().positive().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  max_budget: num.nonnegative().optional(),
  budget_duration: Budget.optional(),
  /** The project the key belongs to (docs/adr/0005): its requests count against `gatehouse.quota.projects.<project>`. */
  project: z.string().min(1).max(128).optional(),
});

/**
 * `gatehouse.sso`: OIDC / JWT bearer tokens accepted next to virtual keys (docs/adr/0006).
 * Validated by identity with `jose` against the issuer's JWKS. `none` and HMAC algorithms are not
 * accepted: a key set published by the issuer holds public keys only.
 */
export const SsoSettings = z.strictObject({
  issuer: z.string().min(1),
  audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Defaults to the `jwks_uri` of `<issuer>/.well-known/openid-configuration`. */
  jwks_uri: z.url().optional(),
  algorithms: z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1).default(['RS256', 'ES256']),
  clock_tolerance_s: num.int().nonnegative().max(300).default(5),
  subject_claim: z.string().default('sub'),
  email_claim: z.string().default('email'),
  groups_claim: z.string().default('groups'),
  /** Group → team id (the first group that maps, in token order, wins). */
  group_teams: z.record(z.string(), z.string()).default({}),
  /** Group → role; the strongest role among the token's groups wins. */
  group_roles: z.record(z.string(), z.enum(['proxy_admin', 'team_admin', 'viewer', 'internal_user'])).default({}),
  default_role: z.enum(['team_admin', 'viewer', 'internal_user']).default('internal_user'),
  /** Models of an SSO principal without a team (`[]`: none). */
  default_models: z.array(z.string()).default([]),
  /** How long fetched JWKS keys are trusted, and the least time between two refetches (rotation). */
  jwks_cache_s: num.int().positive().default(600),
  jwks_cooldown_s: num.int().nonnegative().default(30),
});
export type SsoSettings = z.infer<typeof SsoSettings>;

/** Limits of one team, model group or end user, LiteLLM's names. */
export const ScopeLimitSettings = z.strictObject({
  rpm_limit: num.int().positive().optional(),
  tpm_limit: num.int().positive().optional(),
  max_parallel_requests: num.int().positive().optional(),
  max_budget: num.nonnegative().optional(),
  budget_duration: Budget.optional(),
});

export const QuotaSettings = z.strictObject({
  /** When quota is down or slow: refuse with 503 (false, the default) or admit unmetered (true). */
  fail_open: z.boolean().default(false),
  /** Per team: limits, an end-user budget (`end_user`: every `user` of the team gets these), fail-open policy. */
  teams: z
    .record(z.string(), ScopeLimitSettings.extend({ fail_open: z.boolean().optional(), end_user: ScopeLimitSettings.optional() }))
    .default({}),
  /** Per model group (or alias the client calls). */
  models: z.record(z.string(), ScopeLimitSettings).default({}),
  /** Per project (a key's `project`): shared by every key of the project, whatever its team. */
  projects: z.record(z.string(), ScopeLimitSettings).default({}),
  /** Output tokens assumed when a request sets no `max_tokens` (the worst case it is reserved at). */
  default_max_tokens: num.int().positive().default(4096),
  /** Share of a budget a quota replica may hold in memory-only reservations: the bound on overspend after a crash. */
  headroom_fraction: num.min(0).max(1).default(0.05),
  /**
   * The same for max_parallel slots. 1 (default): slots live in memory, no JetStream append per
   * admission; after a replica crash up to its in-flight requests may be admitted extra until they
   * settle. 0: every slot is an event first (crash-exact; +1.6 ms p50 per admission, ADR 0005).
   */
  parallel_headroom_fraction: num.min(0).max(1).default(1),
  /** A reservation not settled by its request event in this time is released (its holder crashed). */
  reservation_ttl_s: num.int().positive().default(900),
  /** Alert thresholds, as fractions of a budget; each fires once per period. */
  alert_thresholds: z.array(num.positive()).default([0.8, 1]),
  /** Where threshold alerts are POSTed as JSON (besides the `budget.threshold_reached` event). */
  alert_webhook_url: z.url().optional(),
});

/** Group → groups tried in order when it fails (LiteLLM: a list of one-key maps). */
const FallbackList = z.array(z.record(z.string(), z.array(z.string())));

/**
 * `gatehouse.auto`: `model: <alias>` picks a group by a complexity score in [0, 1] (docs/adr/0007).
 * Tiers are tried in order; the first whose `max_score` is at least the score serves.
 */
export const AutoRouting = z.strictObject({
  alias: z.string().min(1).default('auto'),
  tiers: z.array(z.strictObject({ group: z.string().min(1), max_score: num.min(0).max(1).default(1) })).min(1),
  /** Prompt tokens (about 4 characters each) at which the length feature is full. */
  long_prompt_tokens: num.int().positive().default(2_000),
});
export type AutoRouting = z.infer<typeof AutoRouting>;

/**
 * LiteLLM's `litellm_settings.cache_params` (docs/adr/0011). `type` ending in `-semantic` turns on
 * the semantic half; the store is always the shared NATS KV bucket whatever `type` names.
 */
export const CacheParams = z.looseObject({
  type: z.string().optional(),
  /** Seconds an entry lives (a request's `cache.ttl` may ask for less or more, up to the bucket's). */
  ttl: num.positive().optional(),
  similarity_threshold: num.min(0).max(1).optional(),
  /** LiteLLM call types; Gatehouse caches chat completions (`completion`, `acompletion`). */
  supported_call_types: z.array(z.string()).optional(),
  redis_semantic_cache_embedding_model: z.string().optional(),
  qdrant_semantic_cache_embedding_model: z.string().optional(),
});

/** `gatehouse.cache`: which teams opted in, and the bounds LiteLLM has no name for (issue #9). */
export const CacheSettings = z.strictObject({
  /** Team ids whose requests are cached (`"*"`: every team; keys without a team never are). */
  teams: z.array(z.string()).default([]),
  /** Teams that opted in to the semantic half too (`"*"`: all opted-in teams). */
  semantic_teams: z.array(z.string()).default(['*']),
  /** The embedding alias (a model group) for semantic look-ups; absent: the local near-duplicate method. */
  embedding_model: z.string().optional(),
  max_entries_per_namespace: num.int().positive().default(10_000),
});

/** What a team's requests leave in the audit besides metadata (docs/adr/0010, "Content"). */
export const ContentPolicy = z.strictObject({
  /** `none`: nothing; `metadata`: the shape (roles, sizes, finish reasons); `redacted`: texts after the guard; `full`: texts. */
  logging: z.enum(['none', 'metadata', 'redacted', 'full']).default('none'),
  /** Days the ledger keeps stored content (metadata is kept regardless); absent: kept. */
  retention_days: num.int().positive().optional(),
});

/** `gatehouse.content`: content logging per team, encrypted under data keys wrapped by `master_key`. */
export const ContentSettings = z.strictObject({
  /** The policy of teams not listed (and of keys without a team). */
  default: ContentPolicy.prefault({}),
  teams: z.record(z.string(), ContentPolicy).default({}),
  /** 32 bytes, base64 or hex, by reference (`os.file/PATH`, `os.environ/NAME`); required when any policy stores content. */
  master_key: z.string().optional(),
});

/**
 * `gatehouse.ingress`: how an ingress replica drains on SIGTERM (docs/adr/0009). Under `npm start`
 * the launcher kills a replica 10 s after SIGTERM, so `drain_timeout_ms` should stay below that.
 */
export const IngressSettings = z
  .strictObject({
    /** A socket with nothing in flight stays open this long once draining, so a keep-alive client about to send on it gets an answer. */
    drain_idle_ms: num.int().nonnegative().default(2_000),
    /** Whatever is still open after this (a very long stream) is cut. */
    drain_timeout_ms: num.int().positive().default(8_000),
  })
  .refine((s) => s.drain_idle_ms <= s.drain_timeout_ms, {
    message: 'must not exceed drain_timeout_ms (the timeout closes every socket anyway)',
    path: ['drain_idle_ms'],
    when: (payload) => payload.issues.length === 0, // only once both are valid numbers
  });
export type IngressSettings = z.infer<typeof IngressSettings>;

export const GatehouseSettings = z.strictObject({
  /** Virtual keys declared in the file (the admin API adds more as events). */
  keys: z.array(ConfigKey).default([]),
  /** OIDC / JWT bearer tokens (issue #4); absent: only keys are accepted. */
  sso: SsoSettings.optional(),
  max_request_body_bytes: num.int().positive().default(10 * 1024 * 1024),
  /** Per-hop deadlines, in milliseconds; a hop that misses its deadline is a 503, never a hang. */
  timeouts: z
    .strictObject({
      identity_ms: num.int().positive().default(1_000),
      quota_ms: num.int().positive().default(1_000),
      guard_ms: num.int().positive().default(500),
      cache_ms: num.int().positive().default(300),
      router_accept_ms: num.int().positive().default(2_000),
      stream_idle_ms: num.int().positive().default(10_000),
    })
    .prefault({}),
  /** `model: auto` cost tiering (issue #6); absent: no auto alias. */
  auto: AutoRouting.optional(),
  /** Router knobs LiteLLM has no name for (docs/adr/0007). */
  routing: z
    .strictObject({
      /** Failures counted towards `allowed_fails` within this window. */
      fail_window_s: num.positive().default(60),
      /** The longest pause before retrying the same deployments, whatever `retry-after` asks. */
      max_backoff_s: num.nonnegative().default(5),
      /** `latency-based-routing`: share of picks spent exploring, so a recovered deployment is noticed. */
      latency_explore: num.min(0).max(1).default(0.05),
    })
    .prefault({}),
  /** Chunks the router may send before ingress grants more (stream back-pressure). */
  stream_credit: num.int().min(2).default(64),
  /** Quota and budgets (issue #5, docs/adr/0005). */
  quota: QuotaSettings.prefault({}),
  /** Response cache opt-in and bounds (issue #9, docs/adr/0011). */
  cache: CacheSettings.prefault({}),
  /** Guard policy: actions per detector, team and key overrides, fail-open/closed, scorers (issue #8, docs/adr/0008). */
  guard: GuardSettings.prefault({}),
  /** Content logging per team, encryption, retention (issue #7, docs/adr/0010). */
  content: ContentSettings.prefault({}),
  /** Ingress's HTTP drain on SIGTERM (docs/adr/0009). */
  ingress: IngressSettings.prefault({}),
});

export const LitellmConfig = z.looseObject({
  model_list: z.array(ModelEntry).default([]),
  router_settings: z
    .looseObject({
      routing_strategy: z.string().optional(),
      num_retries: num.int().nonnegative().optional(),
      timeout: num.positive().optional(),
      stream_timeout: num.positive().optional(),
      retry_after: num.nonnegative().optional(),
      fallbacks: FallbackList.optional(),
      context_window_fallbacks: FallbackList.optional(),
      content_policy_fallbacks: FallbackList.optional(),
      allowed_fails: num.int().nonnegative().optional(),
      cooldown_time: num.nonnegative().optional(),
      model_group_alias: z.record(z.string(), z.union([z.string(), z.looseObject({ model: z.string() })])).optional(),
    })
    .optional(),
  litellm_settings: z
    .looseObject({
      drop_params: z.boolean().optional(),
      request_timeout: num.positive().optional(),
      num_retries: num.int().nonnegative().optional(),
      fallbacks: FallbackList.optional(),
      context_window_fallbacks: FallbackList.optional(),
      content_policy_fallbacks: FallbackList.optional(),
      cache: z.boolean().optional(),
      cache_params: CacheParams.optional(),
    })
    .optional(),
  general_settings: z.looseObject({ master_key: z.string().optional() }).optional(),
  environment_variables: z.record(z.string(), z.string()).optional(),
  gatehouse: GatehouseSettings.prefault({}),
});
export type LitellmConfig = z.infer<typeof LitellmConfig>;

/** Keys of each loose section that Gatehouse reads; anything else there gets a warning. */
export const HonouredKeys: Record<string, readonly string[]> = {
  '': ['model_list', 'router_settings', 'litellm_settings', 'general_settings', 'environment_variables', 'gatehouse'],
  'model_list[]': ['model_name', 'litellm_params', 'model_info'],
  // Provider-specific params that adapters read from `ProviderCall.params` (secrets resolved by the router).
  'model_list[].litellm_params': [
    ...Object.keys(LitellmParams.shape),
    'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_region_name', 'aws_bedrock_runtime_endpoint',
    'vertex_project', 'vertex_location', 'vertex_access_token', 'vertex_credentials', 'azure_ad_token',
    'safety_settings', 'task_type', 'reasoning_effort', 'temperature', 'top_p', 'max_tokens', 'stop',
    'extra_headers', 'extra_body', 'mock_response', 'mock_dimensions',
  ],
  router_settings: [
    'routing_strategy', 'num_retries', 'timeout', 'model_group_alias', 'stream_timeout', 'retry_after', 'fallbacks',
    'context_window_fallbacks', 'content_policy_fallbacks', 'allowed_fails', 'cooldown_time',
  ],
  litellm_settings: ['drop_params', 'request_timeout', 'num_retries', 'fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks', 'cache', 'cache_params'],
  general_settings: ['master_key'],
};
