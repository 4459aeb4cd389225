import type { Deployment } from '@gatehouse/config';
import { builtInPrice, type TokenPrices } from './price-table';

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Prompt tokens read from the provider's cache (part of `prompt_tokens`), priced at the cached rate. */
  cached_tokens?: number;
}

export interface Cost {
  usd: number;
  /** No price is known for this deployment: the cost is 0 and says so, never a crash. */
  price_unknown: boolean;
}

export type PricedDeployment = Pick<Deployment, 'inputCostPerToken' | 'outputCostPerToken' | 'provider'> &
  Partial<Pick<Deployment, 'providerModel' | 'extra' | 'modelInfo'>>;

/**
 * Pure: a deployment's per-token prices. Config first (`input_cost_per_token`,
 * `output_cost_per_token`, `cache_read_input_token_cost` in `litellm_params` or `model_info`), then
 * the built-in table by provider model; null when neither knows (and it is not the free mock).
 */
export function pricesOf(d: PricedDeployment): TokenPrices | null {
  const table = d.providerModel ? builtInPrice(d.providerModel) : null;
  const cached = numberOr(d.extra?.cache_read_input_token_cost ?? d.modelInfo?.cache_read_input_token_cost);
  if (d.inputCostPerToken !== null || d.outputCostPerToken !== null) {
    return { input: d.inputCostPerToken ?? 0, output: d.outputCostPerToken ?? 0, cachedInput: cached ?? table?.cachedInput ?? null };
  }
  if (table) return cached === null ? table : { ...table, cachedInput: cached };
  if (d.provider === 'mock') return { input: 0, output: 0, cachedInput: null };
  return null;
}

/** Pure: what a request cost on a deployment. Unknown price → 0, flagged `price_unknown`. */
export function costOf(deployment: PricedDeployment | null, usage: TokenUsage): Cost {
  if (!deployment) return { usd: 0, price_unknown: usage.prompt_tokens + usage.completion_tokens > 0 };
  const prices = pricesOf(deployment);
  if (!prices) return { usd: 0, price_unknown: true };
  return { usd: priced(prices, usage), price_unknown: false };
}

/**
 * Pure: what `tokens` embedding input tokens cost on a deployment (its input price per token;
 * embeddings have no output), or null when nobody can price it.
 */
export function embeddingCostOf(d: PricedDeployment, tokens: number): number | null {
  const prices = pricesOf(d);
  return prices ? priced(prices, { prompt_tokens: tokens, completion_tokens: 0 }) : null;
}

/** Deployments nobody can price: each is a start-up warning, never an error. */
export function unpricedDeployments(deployments: readonly (PricedDeployment & { id: string })[]): string[] {
  return deployments.filter((d) => pricesOf(d) === null).map((d) => d.id);
}

function priced(prices: TokenPrices, u: TokenUsage): number {
  const cached = Math.min(u.cached_tokens ?? 0, u.prompt_tokens);
  const usd = (u.prompt_tokens - cached) * prices.input + cached * (prices.cachedInput ?? prices.input) + u.completion_tokens * prices.output;
  // Rounded to 1e-10 $ so sums over millions of events stay exact enough for reconciliation.
  return Math.round(usd * 1e10) / 1e10;
}

function numberOr(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
