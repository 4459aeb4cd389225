import type { Deployment } from '@gatehouse/config';

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
}

export interface Cost {
  usd: number;
  /** No price is known for this deployment: the cost is 0 and says so, never a crash. */
  price_unknown: boolean;
}

/**
 * Pure: what a request cost on a deployment, from the per-token prices in config
 * (`input_cost_per_token`, `output_cost_per_token`). Issue #5 adds the built-in price table and
 * cached-input prices.
 */
export function costOf(deployment: Pick<Deployment, 'inputCostPerToken' | 'outputCostPerToken' | 'provider'> | null, usage: TokenUsage): Cost {
  if (!deployment) return { usd: 0, price_unknown: usage.prompt_tokens + usage.completion_tokens > 0 };
  if (deployment.provider === 'mock') return { usd: priced(deployment, usage), price_unknown: false };
  if (deployment.inputCostPerToken === null && deployment.outputCostPerToken === null) return { usd: 0, price_unknown: true };
  return { usd: priced(deployment, usage), price_unknown: false };
}

function priced(d: Pick<Deployment, 'inputCostPerToken' | 'outputCostPerToken'>, u: TokenUsage): number {
  // Rounded to 1e-10 $ so sums over millions of events stay exact enough for reconciliation.
  const usd = u.prompt_tokens * (d.inputCostPerToken ?? 0) + u.completion_tokens * (d.outputCostPerToken ?? 0);
  return Math.round(usd * 1e10) / 1e10;
}
