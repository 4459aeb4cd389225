import type { Principal } from '@gatehouse/contracts';
import type { KeyRecord } from '../keys/key.decider';
import type { TeamRecord } from '../teams/team.decider';
import type { IdentityState } from './identity-state';

/** Pure: the models a key may call: its own list narrowed by its team's (`[]` inherits; `*` is every). */
export function effectiveModels(own: string[], team: string[] | null): string[] {
  const ownAll = own.length === 0 || own.includes('*');
  const teamAll = !team || team.length === 0 || team.includes('*');
  if (ownAll && teamAll) return ['*'];
  if (ownAll) return [...team!];
  if (teamAll) return [...own];
  return own.filter((m) => team!.includes(m));
}

/** Pure: the tighter of two limits (null = unlimited). A key never widens its team's. */
export function minLimit(a: number | null, b: number | null | undefined): number | null {
  if (a === null) return b ?? null;
  if (b === null || b === undefined) return a;
  return Math.min(a, b);
}

function minTime(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** Pure: the principal a key acts as: its settings within its team's. */
export function principalOf(key: KeyRecord, team: TeamRecord | null, expiresAt: string | null): Principal {
  const s = key.settings;
  const t = team?.settings ?? null;
  return {
    key_id: key.key_id,
    key_alias: s.key_alias,
    team_id: s.team_id,
    user_id: s.user_id,
    role: s.role,
    models: effectiveModels(s.models, t?.models ?? null),
    rpm_limit: minLimit(s.rpm_limit, t?.rpm_limit),
    tpm_limit: minLimit(s.tpm_limit, t?.tpm_limit),
    max_parallel_requests: minLimit(s.max_parallel_requests, t?.max_parallel_requests),
    metadata: s.metadata,
    expires_at: expiresAt,
    max_budget: minLimit(s.max_budget, t?.max_budget),
    budget_duration: s.budget_duration ?? t?.budget_duration ?? null,
    team_max_budget: t?.max_budget ?? null,
    team_budget_duration: t?.budget_duration ?? null,
    project: s.project,
    environment: s.environment,
    sso_subject: null,
  };
}

/**
 * Pure: the principal of a presented digest, or null (unknown, revoked, expired, past its rotation
 * grace, or its team blocked or gone). One Map lookup by the whole digest.
 */
export function authenticateDigest(state: IdentityState, digest: string, now: Date): Principal | null {
  const keyId = state.byDigest.get(digest);
  const key = keyId === undefined ? undefined : state.keys.get(keyId);
  if (!key || key.revoked) return null;
  let expiresAt = key.settings.expires_at;
  if (digest !== key.digest) {
    if (!key.previous || key.previous.digest !== digest) return null;
    expiresAt = minTime(expiresAt, key.previous.valid_until);
  }
  if (expiresAt && Date.parse(expiresAt) <= now.getTime()) return null;
  const team = key.settings.team_id ? (state.teams.get(key.settings.team_id) ?? null) : null;
  if (key.settings.team_id && (!team || team.settings.blocked)) return null;
  return principalOf(key, team, expiresAt);
}
