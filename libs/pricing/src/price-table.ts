/** Per-token prices in USD. `cachedInput` is what a prompt token read from the provider's cache costs. */
export interface TokenPrices {
  input: number;
  output: number;
  cachedInput: number | null;
}

const M = 1e-6; // prices below are per million tokens, as providers publish them

const p = (input: number, output: number, cachedInput: number | null = null): TokenPrices => ({
  input: input * M,
  output: output * M,
  cachedInput: cachedInput === null ? null : cachedInput * M,
});

/**
 * Built-in list prices (USD per token) of common models, keyed by the provider's model name; a
 * deployment's `input_cost_per_token` etc. override them. Published list prices as of 2025; a
 * price that changed is one config line away. Embedding models have no output price.
 */
export const BuiltInPrices: Readonly<Record<string, TokenPrices>> = {
  'gpt-4o': p(2.5, 10, 1.25),
  'gpt-4o-mini': p(0.15, 0.6, 0.075),
  'gpt-4.1': p(2, 8, 0.5),
  'gpt-4.1-mini': p(0.4, 1.6, 0.1),
  'gpt-4.1-nano': p(0.1, 0.4, 0.025),
  'gpt-4-turbo': p(10, 30),
  'gpt-3.5-turbo': p(0.5, 1.5),
  o1: p(15, 60, 7.5),
  'o1-mini': p(1.1, 4.4, 0.55),
  'o3-mini': p(1.1, 4.4, 0.55),
  o3: p(2, 8, 0.5),
  'o4-mini': p(1.1, 4.4, 0.275),
  'text-embedding-3-small': p(0.02, 0),
  'text-embedding-3-large': p(0.13, 0),
  'text-embedding-ada-002': p(0.1, 0),
  'text-embedding-004': p(0.025, 0),
  'text-embedding-005': p(0.025, 0),
  'gemini-embedding-001': p(0.15, 0),
  'amazon.titan-embed-text-v2:0': p(0.02, 0),
  'cohere.embed-english-v3': p(0.1, 0),
  'cohere.embed-multilingual-v3': p(0.1, 0),
  'claude-3-5-sonnet-20241022': p(3, 15, 0.3),
  'claude-3-7-sonnet-20250219': p(3, 15, 0.3),
  'claude-sonnet-4-20250514': p(3, 15, 0.3),
  'claude-opus-4-20250514': p(15, 75, 1.5),
  'claude-3-5-haiku-20241022': p(0.8, 4, 0.08),
  'claude-3-haiku-20240307': p(0.25, 1.25, 0.03),
  'gemini-1.5-pro': p(1.25, 5, 0.3125),
  'gemini-1.5-flash': p(0.075, 0.3, 0.01875),
  'gemini-2.0-flash': p(0.1, 0.4, 0.025),
  'gemini-2.5-pro': p(1.25, 10, 0.31),
  'gemini-2.5-flash': p(0.3, 2.5, 0.075),
};

/** The built-in price of a provider model: exact name, else the longest known prefix (dated variants). */
export function builtInPrice(providerModel: string): TokenPrices | null {
  const exact = BuiltInPrices[providerModel];
  if (exact) return exact;
  let best: string | null = null;
  for (const name of Object.keys(BuiltInPrices)) {
    if (providerModel.startsWith(`${name}-`) && (!best || name.length > best.length)) best = name;
  }
  return best ? BuiltInPrices[best] : null;
}
