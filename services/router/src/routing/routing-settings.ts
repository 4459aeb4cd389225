import type { AutoRouting, GatewayConfig } from '@gatehouse/config';

/** LiteLLM's `routing_strategy` names; anything else is `simple-shuffle` (with a warning at start). */
export const Strategy = {
  simpleShuffle: 'simple-shuffle',
  latency: 'latency-based-routing',
  leastBusy: 'least-busy',
  cost: 'cost-based-routing',
  usage: 'usage-based-routing',
} as const;
export type Strategy = (typeof Strategy)[keyof typeof Strategy];

/** The router's settings, compiled once from the config (LiteLLM names in comments). */
export interface RoutingSettings {
  strategy: Strategy;
  /** `num_retries`: attempts per group are 1 + this. */
  numRetries: number;
  /** `retry_after` (seconds, as ms): the least pause before retrying deployments already tried. */
  minBackoffMs: number;
  /** `gatehouse.routing.max_backoff_s`: cap on any pause, whatever the provider's `retry-after`. */
  maxBackoffMs: number;
  /** `allowed_fails`: failures within `failWindowMs` a deployment may have; one more cools it. */
  allowedFails: number;
  /** `cooldown_time`. */
  cooldownMs: number;
  failWindowMs: number;
  /** `fallbacks`, `context_window_fallbacks`, `content_policy_fallbacks`: group (or `*`) → groups. */
  fallbacks: ReadonlyMap<string, readonly string[]>;
  contextWindowFallbacks: ReadonlyMap<string, readonly string[]>;
  contentPolicyFallbacks: ReadonlyMap<string, readonly string[]>;
  latencyExplore: number;
  auto: AutoRouting | null;
}

const STRATEGIES = new Set<string>(Object.values(Strategy));
const ALIASES: Record<string, Strategy> = { 'usage-based-routing-v2': Strategy.usage, 'lowest-latency': Strategy.latency, 'lowest-cost': Strategy.cost };

/** Pure: the settings, with LiteLLM's defaults (3 allowed fails, 5 s cooldown, 2 retries). */
export function routingSettings(config: GatewayConfig): RoutingSettings {
  const rs = config.routerSettings;
  const ls = config.litellmSettings;
  const r = config.gatehouse.routing;
  return {
    strategy: strategyOf(rs.routing_strategy),
    numRetries: rs.num_retries ?? ls.num_retries ?? 2,
    minBackoffMs: (rs.retry_after ?? 0) * 1000,
    maxBackoffMs: (r?.max_backoff_s ?? 5) * 1000,
    allowedFails: rs.allowed_fails ?? 3,
    cooldownMs: (rs.cooldown_time ?? 5) * 1000,
    failWindowMs: (r?.fail_window_s ?? 60) * 1000,
    fallbacks: fallbackMap(rs.fallbacks ?? ls.fallbacks),
    contextWindowFallbacks: fallbackMap(rs.context_window_fallbacks ?? ls.context_window_fallbacks),
    contentPolicyFallbacks: fallbackMap(rs.content_policy_fallbacks ?? ls.content_policy_fallbacks),
    latencyExplore: r?.latency_explore ?? 0.05,
    auto: config.gatehouse.auto ?? null,
  };
}

export function strategyOf(name: string | undefined): Strategy {
  if (!name) return Strategy.simpleShuffle;
  if (STRATEGIES.has(name)) return name as Strategy;
  return ALIASES[name] ?? Strategy.simpleShuffle;
}

export function isKnownStrategy(name: string | undefined): boolean {
  return !name || STRATEGIES.has(name) || name in ALIASES;
}

function fallbackMap(list: readonly Record<string, string[]>[] | undefined): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const entry of list ?? []) for (const [from, to] of Object.entries(entry)) out.set(from, [...(out.get(from) ?? []), ...to]);
  return out;
}
