import type { RoutingSettings } from './routing-settings';

export type FallbackReason = 'failed' | 'context_window' | 'content_policy';

/**
 * Pure: the groups to try, in order, after `group` failed for `reason`. A request's own
 * `fallbacks` replace the configured generic ones (LiteLLM); `*` in the config applies to every
 * group without its own entry. Groups already visited are left out (no loops).
 */
export function fallbackGroups(
  group: string,
  reason: FallbackReason,
  settings: Pick<RoutingSettings, 'fallbacks' | 'contextWindowFallbacks' | 'contentPolicyFallbacks'>,
  requestFallbacks: readonly string[] | undefined,
  visited: ReadonlySet<string>,
): string[] {
  const table = reason === 'context_window' ? settings.contextWindowFallbacks : reason === 'content_policy' ? settings.contentPolicyFallbacks : settings.fallbacks;
  const list = reason === 'failed' && requestFallbacks ? requestFallbacks : (table.get(group) ?? table.get('*') ?? []);
  return [...new Set(list)].filter((g) => g !== group && !visited.has(g));
}
