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

/** What ingress knows of the guard for a refused request (docs/adr/0012). */
export interface GuardOutcome {
  /** The guard is enabled for this team / key. */
  on: boolean;
  /** It gave a verdict on this request (it may not have: refused before it, or a fail-closed outage). */
  ran: boolean;
  blocked: boolean;
}

/** Which text a refused request's document holds: as sent, as the guard rewrote it, or as the guard may let it be stored. */
export type RefusedText = 'original' | 'guarded' | 'stored';

/**
 * Pure: what to store for a refused chat request (null: nothing). A guard block stores the request
 * with every blocked, redacted or masked span redacted — at `full` too, labelled `redacted` — so
 * the value that caused the block is never kept. When the guard is on but gave no verdict, only
 * the shape: the text might have been blocked had it been scanned. Otherwise as for an answer.
 */
export function refusedPlan(settings: Settings, teamId: string | null, g: GuardOutcome): (ContentPlan & { text: RefusedText }) | null {
  const plan = contentPlan(settings, teamId, g.ran);
  if (!plan) return null;
  if (g.blocked) return { ...plan, level: plan.level === 'metadata' ? 'metadata' : 'redacted', text: 'stored' };
  if (g.on && !g.ran) return { ...plan, level: 'metadata', text: 'original' };
  return { ...plan, text: plan.level === 'full' ? 'original' : 'guarded' };
}
