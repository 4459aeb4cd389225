import type { Deployment } from '@gatehouse/config';

/**
 * Pure: LiteLLM's `simple-shuffle` — a random deployment of the group, weighted by `weight`,
 * skipping those already tried for this request. Null when none is left. Issue #6 adds the other
 * strategies, cooldowns and `order` priorities.
 */
export function pickDeployment(
  group: readonly Deployment[],
  tried: ReadonlySet<string>,
  random: () => number = Math.random,
): Deployment | null {
  const left = group.filter((d) => !tried.has(d.id) && d.weight > 0);
  if (left.length === 0) return null;
  if (left.length === 1) return left[0];
  const total = left.reduce((s, d) => s + d.weight, 0);
  let r = random() * total;
  for (const d of left) {
    r -= d.weight;
    if (r < 0) return d;
  }
  return left[left.length - 1];
}
