import { anthropicAdapter } from './anthropic';
import { azureAdapter } from './azure';
import { bedrockAdapter } from './bedrock';
import { geminiAdapter } from './gemini';
import { mockAdapter } from './mock';
import { openAIAdapter } from './openai';
import type { ProviderAdapter } from './types';
import { vertexAdapter } from './vertex_ai';

/** Every built-in adapter, indexed by the `provider/` prefixes it serves. */
const ADAPTERS: readonly ProviderAdapter[] = [openAIAdapter, mockAdapter, anthropicAdapter, geminiAdapter, vertexAdapter, azureAdapter, bedrockAdapter];

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
