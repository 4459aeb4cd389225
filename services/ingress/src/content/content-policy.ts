import type { ContentLevel } from '@gatehouse/contracts';
import type { ContentSettings } from '@gatehouse/config';
import type { z } from 'zod';

type Settings = z.infer<typeof ContentSettings>;
export interface ContentPlan {
  level: ContentLevel;
  retentionDays: number | null;
}

/**
 * Pure: what to store for a request of this team (null: nothing). `redacted` needs the guard's
 * rewritten request; when the guard did not run for this team it degrades to `metadata`, never
 * to the unredacted text.
 */
export function contentPlan(settings: Settings, teamId: string | null, guardRan: boolean): ContentPlan | null {
  const policy = (teamId !== null ? settings.teams[teamId] : undefined) ?? settings.default;
  if (policy.logging === 'none') return null;
  const level: ContentLevel = policy.logging === 'redacted' && !guardRan ? 'metadata' : policy.logging;
  return { level, retentionDays: policy.retention_days ?? null };
}

/** Pure: does any policy store something (then the master key is required at start)? */
export function anyPolicyStores(settings: Settings): boolean {
  return [settings.default, ...Object.values(settings.teams)].some((p) => p.logging !== 'none');
}
