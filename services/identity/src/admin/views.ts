import { GatehouseError, type KeyFields, type KeyInfo, type KeyRef, type KeySettings, type TeamFields, type TeamInfo, type TeamSettings } from '@gatehouse/contracts';
import { expiresAfter } from '../keys/duration';
import type { KeyRecord } from '../keys/key.decider';
import type { TeamRecord } from '../teams/team.decider';
import type { IdentityState } from '../state/identity-state';

/** Pure: a key as the admin API shows it (no digest). */
export function keyInfo(k: KeyRecord): KeyInfo {
  return {
    ...k.settings, key_id: k.key_id, token_id: k.key_id, project_id: k.settings.project, expires: k.settings.expires_at,
    created_at: k.created_at, updated_at: k.updated_at, created_by: k.created_by, revoked: k.revoked,
  };
}

export function teamInfo(t: TeamRecord): TeamInfo {
  return { ...t.settings, team_id: t.team_id, members_with_roles: t.members, created_at: t.created_at, updated_at: t.updated_at };
}

/** Pure: a new key's settings from a generate request (LiteLLM defaults: every model of its team, no limits). */
export function newKeySettings(f: KeyFields, now: Date, defaults: { team_id: string | null }): KeySettings {
  return {
    key_alias: f.key_alias ?? null,
    team_id: f.team_id ?? defaults.team_id,
    user_id: f.user_id ?? null,
    role: f.role ?? 'internal_user',
    models: f.models ?? [],
    max_budget: f.max_budget ?? null,
    budget_duration: f.budget_duration ?? null,
    rpm_limit: f.rpm_limit ?? null,
    tpm_limit: f.tpm_limit ?? null,
    max_parallel_requests: f.max_parallel_requests ?? null,
    metadata: f.metadata ?? {},
    project: f.project ?? null,
    environment: f.environment ?? null,
    expires_at: expiresAfter(now, f.duration),
  };
}

/** Pure: the settings an update asks for (`duration` restarts the expiry from now; null clears it). */
export function requestedKeyChanges(f: KeyFields, now: Date): Partial<KeySettings> {
  const { duration, ...rest } = f;
  const out: Partial<KeySettings> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (duration !== undefined) out.expires_at = expiresAfter(now, duration);
  return out;
}

export function newTeamSettings(f: TeamFields): TeamSettings {
  return {
    team_alias: f.team_alias ?? null, models: f.models ?? [], max_budget: f.max_budget ?? null, budget_duration: f.budget_duration ?? null,
    rpm_limit: f.rpm_limit ?? null, tpm_limit: f.tpm_limit ?? null, max_parallel_requests: f.max_parallel_requests ?? null,
    metadata: f.metadata ?? {}, blocked: f.blocked ?? false,
  };
}

export function definedFields<T extends object>(f: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Pure: the key a reference names, or a 404. */
export function findKey(state: IdentityState, ref: KeyRef): KeyRecord {
  const id = 'key_id' in ref ? ref.key_id : state.byDigest.get(ref.key_sha256);
  const key = id === undefined ? undefined : state.keys.get(id);
  if (!key) throw new GatehouseError('not_found', 'No such key.', { param: 'key' });
  return key;
}

export function findTeam(state: IdentityState, teamId: string): TeamRecord {
  const team = state.teams.get(teamId);
  if (!team) throw new GatehouseError('not_found', `No such team: ${teamId}.`, { param: 'team_id' });
  return team;
}
