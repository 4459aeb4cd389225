import type { Deployment } from '@gatehouse/config';
import { Strategy } from './routing-settings';

/** What the strategies read about deployments (DeploymentStats in production, a table in tests). */
export interface StatsView {
  latencyMs(id: string, stream: boolean): number | null;
  inFlight(id: string): number;
  usage(id: string, now: number): { requests: number; tokens: number };
}

export interface StrategyInput {
  stream: boolean;
  now: number;
  random: () => number;
  /** `latency-based-routing`: share of picks made by weight instead, to keep measuring the others. */
  explore: number;
}

/**
 * Pure: one deployment of `list` (non-empty, already filtered to what may be picked) by the
 * strategy. Ties, and `simple-shuffle`, are broken by `weight`-weighted chance.
 */
export function applyStrategy(strategy: Strategy, list: readonly Deployment[], stats: StatsView, input: StrategyInput): Deployment {
  if (list.length === 1) return list[0];
  switch (strategy) {
    case Strategy.simpleShuffle:
      return weighted(list, input.random);
    case Strategy.latency:
      if (input.random() < input.explore) return weighted(list, input.random);
      // Never measured counts as fastest: a new (or restarted) deployment is measured at once.
      return lowest(list, (d) => stats.latencyMs(d.id, input.stream) ?? 0, input.random);
    case Strategy.leastBusy:
      return lowest(list, (d) => stats.inFlight(d.id), input.random);
    case Strategy.cost:
      return lowest(list, pricePerToken, input.random);
    case Strategy.usage:
      return lowest(list, (d) => utilisation(d, stats.usage(d.id, input.now)), input.random);
    default: {
      const never: never = strategy;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}

/** Input plus output price per token; unknown prices go last. */
export function pricePerToken(d: Deployment): number {
  if (d.inputCostPerToken === null && d.outputCostPerToken === null) return Number.POSITIVE_INFINITY;
  return (d.inputCostPerToken ?? 0) + (d.outputCostPerToken ?? 0);
}

/** How much of its rpm/tpm a deployment used this minute (the larger share); without limits, its tokens as a tie-breaker. */
export function utilisation(d: Deployment, used: { requests: number; tokens: number }): number {
  if (d.rpm === null && d.tpm === null) return used.tokens / 1e12;
  return Math.max(d.rpm ? used.requests / d.rpm : 0, d.tpm ? used.tokens / d.tpm : 0);
}

/** Whether one more request (of about `tokens`) stays within the deployment's rpm and tpm. */
export function underLimits(d: Deployment, used: { requests: number; tokens: number }, tokens: number): boolean {
  return (d.rpm === null || used.requests + 1 <= d.rpm) && (d.tpm === null || used.tokens + tokens <= d.tpm);
}

export function weighted(list: readonly Deployment[], random: () => number): Deployment {
  let total = 0;
  for (const d of list) total += d.weight;
  if (total <= 0) return list[Math.floor(random() * list.length)] ?? list[0];
  let r = random() * total;
  for (const d of list) {
    r -= d.weight;
    if (r < 0) return d;
  }
  return list[list.length - 1];
}

function lowest(list: readonly Deployment[], score: (d: Deployment) => number, random: () => number): Deployment {
  let best = Number.POSITIVE_INFINITY;
  let ties: Deployment[] = [];
  for (const d of list) {
    const s = score(d);
    if (s < best) {
      best = s;
      ties = [d];
    } else if (s === best) ties.push(d);
  }
  if (ties.length === 0) return weighted(list, random); // every score was +Infinity (or NaN)
  return ties.length === 1 ? ties[0] : weighted(ties, random);
}
