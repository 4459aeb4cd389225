import type { ChatCompletionRequest, EmbeddingsRequest } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { embeddingCostOf, pricesOf } from '@gatehouse/pricing';
import { countChatTokens, countText } from '@gatehouse/tokenize';

export interface Estimate {
  tokens: number;
  cost_usd: number;
}

/**
 * Pure: a chat request's worst case — its tokenized prompt plus the most it may generate
 * (`max_completion_tokens`, `max_tokens`, else the model's cap or the configured default, times
 * `n`), priced at the dearest deployment of its group (a failover may land there).
 */
export function worstCase(req: ChatCompletionRequest, deployments: readonly Deployment[], defaultMaxTokens: number): Estimate {
  const cap = Math.max(0, ...deployments.map((d) => numberOr(d.modelInfo.max_output_tokens ?? d.modelInfo.max_tokens, 0)));
  const maxOut = (req.max_completion_tokens ?? req.max_tokens ?? (cap || defaultMaxTokens)) * (req.n ?? 1);
  const prompt = countChatTokens(req, deployments[0]?.providerModel ?? req.model);
  let cost = 0;
  for (const d of deployments) {
    const p = pricesOf(d);
    if (p) cost = Math.max(cost, prompt * p.input + maxOut * p.output);
  }
  return { tokens: prompt + maxOut, cost_usd: Math.round(cost * 1e10) / 1e10 };
}

/**
 * Pure: an embeddings request's cost, which is known before the call: its input tokens (texts
 * tokenized, token arrays counted as they are), no output, priced per input token at the dearest
 * deployment of its group.
 */
export function embeddingWorstCase(req: EmbeddingsRequest, deployments: readonly Deployment[]): Estimate {
  const model = deployments[0]?.providerModel ?? req.model;
  const inputs: readonly (string | readonly number[] | number)[] = typeof req.input === 'string' ? [req.input] : req.input;
  let tokens = 0;
  if (typeof inputs[0] === 'number') tokens = inputs.length; // one array of token ids
  else for (const x of inputs) tokens += typeof x === 'string' ? countText(x, model) : (x as readonly number[]).length;
  let cost = 0;
  for (const d of deployments) cost = Math.max(cost, embeddingCostOf(d, tokens) ?? 0);
  return { tokens, cost_usd: cost };
}

function numberOr(v: unknown, d: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : d;
}
