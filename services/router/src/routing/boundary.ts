import type { Deployment } from '@gatehouse/config';

/**
 * Pure: a deployment's data-boundary tags — `litellm_params.tags` and `model_info.tags` as
 * written, plus tags derived from `model_info` (`region:<r>`, `self_hosted`,
 * `classification:<c>`) and the provider (`provider:<p>`), so a policy can name any of them.
 */
export function deploymentTags(d: Deployment): ReadonlySet<string> {
  const tags = new Set<string>(d.tags);
  const info = d.modelInfo;
  if (Array.isArray(info.tags)) for (const t of info.tags) if (typeof t === 'string') tags.add(t);
  if (typeof info.region === 'string') tags.add(`region:${info.region}`);
  if (info.self_hosted === true) tags.add('self_hosted');
  if (typeof info.data_classification === 'string') tags.add(`classification:${info.data_classification}`);
  tags.add(`provider:${d.provider}`);
  return tags;
}

/**
 * Pure: whether a deployment is inside the boundary. Every required tag must be present; a
 * required tag `a|b` is met by either (e.g. `region:eu-west-1|region:eu-central-1`).
 */
export function withinBoundary(tags: ReadonlySet<string>, required: readonly string[]): boolean {
  for (const r of required) {
    if (tags.has(r)) continue;
    if (!r.includes('|') || !r.split('|').some((alt) => tags.has(alt))) return false;
  }
  return true;
}

/** Pure: the caller's required tags from principal metadata (`required_tags`: strings), or none. */
export function requiredTagsOf(metadata: Record<string, unknown> | undefined): string[] {
  const raw = metadata?.required_tags;
  if (!Array.isArray(raw)) return [];
  return raw.filter((t): t is string => typeof t === 'string' && t.length > 0);
}
