import { z } from 'zod';

/** How long a budget lasts before it resets: a fixed length (aligned to the Unix epoch, UTC) or the calendar month (UTC). */
export const BudgetDuration = z.enum(['1h', '1d', '7d', '30d', 'monthly']);
export type BudgetDuration = z.infer<typeof BudgetDuration>;

/** The limits of one scope; null means "no such limit". */
export const ScopeLimits = z.object({
  rpm: z.number().int().positive().nullable(),
  tpm: z.number().int().positive().nullable(),
  max_parallel: z.number().int().positive().nullable(),
  max_budget_usd: z.number().nonnegative().nullable(),
  budget_duration: BudgetDuration.nullable(),
});
export type ScopeLimits = z.infer<typeof ScopeLimits>;

export const ScopeKind = z.enum(['key', 'team', 'user', 'project', 'model']);
export type ScopeKind = z.infer<typeof ScopeKind>;

/**
 * Something a request counts against: a key, a team, an end user of a team, the key's project, a
 * model group. `id` is derivable from a request event alone (`key:<key_id>`, `team:<team_id>`,
 * `user:<team_id>:<end_user>`, `project:<project>`, `model:<alias>`), so spend is a projection of
 * request events.
 */
export const QuotaScope = z.object({
  id: z.string().min(1),
  kind: ScopeKind,
  /** How a refusal names it: `key demo`, `team research`. Never a secret. */
  label: z.string(),
  limits: ScopeLimits,
});
export type QuotaScope = z.infer<typeof QuotaScope>;

/** Scopes are spread over this many partitions; each has one owning quota replica at a time. */
export const QUOTA_PARTITIONS = 64;

/** FNV-1a over the scope id: stable across processes and versions (never change it). */
export function partitionOf(scopeId: string, partitions = QUOTA_PARTITIONS): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < scopeId.length; i++) {
    h ^= scopeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

/** Scope ids from the facts a request event carries: how spend is attributed, on admission and on replay alike. */
export function scopeIdsOf(facts: { key_id: string | null; team_id: string | null; end_user: string | null; model: string | null; project?: string | null }): string[] {
  const ids: string[] = [];
  if (facts.key_id) ids.push(`key:${facts.key_id}`);
  if (facts.team_id) ids.push(`team:${facts.team_id}`);
  if (facts.team_id && facts.end_user) ids.push(`user:${facts.team_id}:${facts.end_user}`);
  if (facts.project) ids.push(`project:${facts.project}`);
  if (facts.model) ids.push(`model:${facts.model}`);
  return ids;
}
