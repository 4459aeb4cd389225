import type { Deployment, GatewayConfig } from './gateway-config';
import { HonouredKeys, type LitellmConfig } from './litellm-schema';

const DEFAULT_TIMEOUT_S = 600; // LiteLLM's default request timeout

/** Pure: a validated LiteLLM config becomes Gatehouse's typed internal config. */
export function compileConfig(raw: LitellmConfig, source: string): GatewayConfig {
  const perGroup = new Map<string, number>();
  const defaultTimeout = raw.router_settings?.timeout ?? raw.litellm_settings?.request_timeout ?? DEFAULT_TIMEOUT_S;
  const deployments: Deployment[] = raw.model_list.map((entry) => {
    const p = entry.litellm_params;
    const n = perGroup.get(entry.model_name) ?? 0;
    perGroup.set(entry.model_name, n + 1);
    const slash = p.model.indexOf('/');
    const {
      model: _m, api_base, api_key, api_version, rpm, tpm, timeout, stream_timeout, weight, order,
      max_retries, input_cost_per_token, output_cost_per_token, tags, ...extra
    } = p;
    return {
      id: entry.model_info?.id ?? `${entry.model_name}#${n}`,
      group: entry.model_name,
      provider: slash > 0 ? p.model.slice(0, slash) : 'openai',
      providerModel: slash > 0 ? p.model.slice(slash + 1) : p.model,
      apiBase: api_base ?? null,
      apiKey: api_key ?? null,
      apiVersion: api_version ?? null,
      rpm: rpm ?? null,
      tpm: tpm ?? null,
      timeoutMs: (timeout ?? defaultTimeout) * 1000,
      streamTimeoutMs: toMs(stream_timeout ?? raw.router_settings?.stream_timeout),
      weight: weight ?? 1,
      order: order ?? null,
      maxRetries: max_retries ?? null,
      inputCostPerToken: input_cost_per_token ?? numberOrNull(entry.model_info?.input_cost_per_token),
      outputCostPerToken: output_cost_per_token ?? numberOrNull(entry.model_info?.output_cost_per_token),
      tags: tags ?? [],
      extra,
      modelInfo: { ...(entry.model_info ?? {}) },
    };
  });
  const groups = new Map<string, Deployment[]>();
  for (const d of deployments) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  const aliases = new Map<string, string>();
  for (const [alias, target] of Object.entries(raw.router_settings?.model_group_alias ?? {})) {
    aliases.set(alias, typeof target === 'string' ? target : target.model);
  }
  // `model: auto` must pass ingress's model check: it stands for its first tier until the router classifies.
  const auto = raw.gatehouse.auto;
  if (auto && !groups.has(auto.alias) && !aliases.has(auto.alias)) aliases.set(auto.alias, auto.tiers[0].group);
  return {
    source,
    deployments,
    groups,
    aliases,
    masterKey: raw.general_settings?.master_key ?? null,
    gatehouse: raw.gatehouse,
    routerSettings: raw.router_settings ?? {},
    litellmSettings: raw.litellm_settings ?? {},
    warnings: unknownKeys(raw),
  };
}

function toMs(seconds: number | undefined): number | null {
  return seconds ? seconds * 1000 : null;
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

/** Pure: the keys present in the file that Gatehouse does not act on (yet), as dotted paths. */
export function unknownKeys(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  const check = (obj: unknown, section: string, path: string) => {
    if (!obj || typeof obj !== 'object') return;
    const known = HonouredKeys[section];
    for (const k of Object.keys(obj)) if (!known.includes(k)) out.push(path ? `${path}.${k}` : k);
  };
  check(raw, '', '');
  for (const section of ['router_settings', 'litellm_settings', 'general_settings']) check(raw[section], section, section);
  const list = Array.isArray(raw.model_list) ? raw.model_list : [];
  list.forEach((entry: Record<string, unknown>, i: number) => {
    check(entry, 'model_list[]', `model_list[${i}]`);
    check(entry.litellm_params, 'model_list[].litellm_params', `model_list[${i}].litellm_params`);
  });
  return out;
}
