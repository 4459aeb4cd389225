import { mockAdapter } from './mock';
import { openAIAdapter } from './openai';
import type { ProviderAdapter } from './types';

/** Every built-in adapter, indexed by the `provider/` prefixes it serves. */
const ADAPTERS: readonly ProviderAdapter[] = [openAIAdapter, mockAdapter];

const byProvider = new Map<string, ProviderAdapter>();
for (const adapter of ADAPTERS) for (const p of adapter.providers) byProvider.set(p, adapter);

/** The adapter for a deployment's `provider` (the prefix of `litellm_params.model`), or null. */
export function adapterFor(provider: string): ProviderAdapter | null {
  return byProvider.get(provider) ?? null;
}

/** Provider prefixes Gatehouse can call, sorted. */
export function supportedProviders(): string[] {
  return [...byProvider.keys()].sort();
}
