import type { Deployment } from '@gatehouse/config';
import { deploymentTags, withinBoundary } from './boundary';
import type { Strategy } from './routing-settings';
import { applyStrategy, type StatsView, type StrategyInput, underLimits } from './strategies';

export interface SelectInput extends StrategyInput {
  strategy: Strategy;
  /** Deployments this pass must not pick (tried already, or failed for good on this request). */
  skip: ReadonlySet<string>;
  requiredTags: readonly string[];
  /** When a deployment's cooldown ends (ms epoch), 0 when it is not cooling. */
  coolingUntil: (id: string) => number;
  /** Prompt tokens of this request (estimate), for the tpm check. */
  tokens: number;
}

export type ExclusionReason = 'boundary' | 'cooldown' | 'over_limit' | 'tried' | 'weight_0';

export interface Selection {
  deployment: Deployment | null;
  /** Deployments the strategy chose among (after every filter and the `order` tier). */
  candidates: Deployment[];
  excluded: { deployment: Deployment; reason: ExclusionReason }[];
}

const tagCache = new WeakMap<Deployment, ReadonlySet<string>>();
const tagsOf = (d: Deployment) => {
  let t = tagCache.get(d);
  if (!t) tagCache.set(d, (t = deploymentTags(d)));
  return t;
};

/**
 * Pure (time and chance passed in): the deployment of a group to call next.
 * 1. Never outside the data boundary; never one cooling down, tried, or of weight 0.
 * 2. Prefer those under their rpm/tpm this minute; if none is, the limits are soft (the provider
 *    may still answer) rather than failing a request a deployment could serve.
 * 3. Priority by `order`: only the lowest order present among what is left (no order: last).
 * 4. The strategy picks among that tier.
 */
export function selectDeployment(group: readonly Deployment[], stats: StatsView, input: SelectInput): Selection {
  const excluded: Selection['excluded'] = [];
  const open: Deployment[] = [];
  for (const d of group) {
    const reason: ExclusionReason | null = !withinBoundary(tagsOf(d), input.requiredTags)
      ? 'boundary'
      : input.coolingUntil(d.id) > input.now
        ? 'cooldown'
        : input.skip.has(d.id)
          ? 'tried'
          : d.weight <= 0
            ? 'weight_0'
            : null;
    if (reason) excluded.push({ deployment: d, reason });
    else open.push(d);
  }
  if (open.length === 0) return { deployment: null, candidates: [], excluded };
  let pool = open.filter((d) => underLimits(d, stats.usage(d.id, input.now), input.tokens));
  if (pool.length === 0) pool = open;
  else if (pool.length < open.length) for (const d of open) if (!pool.includes(d)) excluded.push({ deployment: d, reason: 'over_limit' });
  const top = Math.min(...pool.map(orderOf));
  const candidates = pool.filter((d) => orderOf(d) === top);
  return { deployment: applyStrategy(input.strategy, candidates, stats, input), candidates, excluded };
}

function orderOf(d: Deployment): number {
  return d.order ?? Number.POSITIVE_INFINITY;
}
