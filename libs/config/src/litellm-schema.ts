import { z } from 'zod';

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
});

export const GatehouseSettings = z.strictObject({
  /** Virtual keys declared in the file (the admin API adds more as events). */
  keys: z.array(ConfigKey).default([]),
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
  /** Chunks the router may send before ingress grants more (stream back-pressure). */
  stream_credit: num.int().min(2).default(64),
});

export const LitellmConfig = z.looseObject({
  model_list: z.array(ModelEntry).default([]),
  router_settings: z
    .looseObject({
      routing_strategy: z.string().optional(),
      num_retries: num.int().nonnegative().optional(),
      timeout: num.positive().optional(),
      model_group_alias: z.record(z.string(), z.union([z.string(), z.looseObject({ model: z.string() })])).optional(),
    })
    .optional(),
  litellm_settings: z
    .looseObject({
      drop_params: z.boolean().optional(),
      request_timeout: num.positive().optional(),
      num_retries: num.int().nonnegative().optional(),
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
  'model_list[].litellm_params': Object.keys(LitellmParams.shape),
  router_settings: ['routing_strategy', 'num_retries', 'timeout', 'model_group_alias'],
  litellm_settings: ['drop_params', 'request_timeout', 'num_retries'],
  general_settings: ['master_key'],
};
