import type { LitellmConfig } from './litellm-schema';

/** One `model_list` entry, compiled: a deployment of the routing group `group`. */
export interface Deployment {
  /** `model_info.id`, or `<model_name>#<n>` (n counts the group's entries from 0). */
  id: string;
  group: string;
  /** The `provider/` prefix of `litellm_params.model` (`openai` when there is none). */
  provider: string;
  /** The model name the provider knows. */
  providerModel: string;
  apiBase: string | null;
  /** A literal or a secret reference; resolved by the router only. */
  apiKey: string | null;
  apiVersion: string | null;
  rpm: number | null;
  tpm: number | null;
  timeoutMs: number;
  streamTimeoutMs: number | null;
  weight: number;
  order: number | null;
  maxRetries: number | null;
  inputCostPerToken: number | null;
  outputCostPerToken: number | null;
  tags: string[];
  /** Everything else in `litellm_params`, forwarded to the adapter. */
  extra: Record<string, unknown>;
  modelInfo: Record<string, unknown>;
}

export interface GatewayConfig {
  /** Where the file came from (or `embedded` for the built-in demo). */
  source: string;
  deployments: Deployment[];
  /** Model group name → its deployments, in file order. */
  groups: Map<string, Deployment[]>;
  /** `router_settings.model_group_alias`: alias → group. */
  aliases: Map<string, string>;
  masterKey: string | null;
  gatehouse: LitellmConfig['gatehouse'];
  routerSettings: NonNullable<LitellmConfig['router_settings']>;
  litellmSettings: NonNullable<LitellmConfig['litellm_settings']>;
  /** Keys found but not honoured, as `router_settings.redis_host`. */
  warnings: string[];
}

/** The group a client's `model` names, after aliases; null when nothing serves it. */
export function resolveGroup(config: GatewayConfig, model: string): string | null {
  if (config.groups.has(model)) return model;
  const target = config.aliases.get(model);
  return target && config.groups.has(target) ? target : null;
}

/** Every name a client may call: group names and aliases that lead somewhere. */
export function callableModels(config: GatewayConfig): string[] {
  const names = [...config.groups.keys()];
  for (const [alias, target] of config.aliases) if (config.groups.has(target)) names.push(alias);
  return names;
}
