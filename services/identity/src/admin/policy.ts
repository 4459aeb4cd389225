import { type Actor, GatehouseError, type KeySettings, type Role, type TeamSettings } from '@gatehouse/contracts';
import type { KeyRecord } from '../keys/key.decider';
import type { TeamRecord } from '../teams/team.decider';
import { effectiveModels } from '../state/principal-of';

/**
 * Pure authorization of admin operations (docs/adr/0006):
 *   proxy_admin   everything;
 *   viewer        reads everything, changes nothing;
 *   team_admin    its own team: its keys, its members, its alias/metadata (not its models, limits, budget);
 *   internal_user reads its own key, nothing else.
 * Every refusal is a 403 that names the reason.
 */
const deny = (why: string, param?: string) => new GatehouseError('permission_denied', why, param ? { param } : {});

export function mayReadKey(actor: Actor, key: KeyRecord): void {
  if (actor.role === 'proxy_admin' || actor.role === 'viewer') return;
  if (actor.role === 'team_admin' && key.settings.team_id !== null && key.settings.team_id === actor.team_id) return;
  if (actor.key_id !== null && actor.key_id === key.key_id) return;
  throw deny(`A ${actor.role} may not read key ${key.key_id}: it belongs to ${key.settings.team_id ? `team ${key.settings.team_id}` : 'no team of yours'}.`, 'key');
}

export function mayChangeKey(actor: Actor, key: KeyRecord): void {
  if (actor.role === 'proxy_admin') return;
  if (actor.role === 'team_admin') {
    if (key.settings.team_id !== null && key.settings.team_id === actor.team_id) return;
    throw deny(`A team_admin manages only the keys of its own team (${actor.team_id ?? 'none'}); key ${key.key_id} is not one.`, 'key');
  }
  throw deny(`A ${actor.role} may not change keys.`, 'key');
}

/** Which keys an actor may list: all, one team's, or only its own. */
export function keyListScope(actor: Actor): { team_id: string | null; key_id: string | null; all: boolean } {
  if (actor.role === 'proxy_admin' || actor.role === 'viewer') return { all: true, team_id: null, key_id: null };
  if (actor.role === 'team_admin') return { all: false, team_id: actor.team_id, key_id: null };
  return { all: false, team_id: null, key_id: actor.key_id };
}

const GRANTABLE: Record<Role, readonly Role[]> = {
  proxy_admin: ['proxy_admin', 'team_admin', 'viewer', 'internal_user'],
  team_admin: ['team_admin', 'internal_user'],
  viewer: [],
  internal_user: [],
};

/**
 * Pure: may this actor give a key these settings? Nobody grants a role, a team or a model it does
 * not have; a key stays within its team's models, limits and budget (never widens them).
 */
export function checkKeyGrant(actor: Actor, settings: KeySettings, team: TeamRecord | null): void {
  if (!GRANTABLE[actor.role].includes(settings.role)) {
    throw deny(`A ${actor.role} may not grant the role ${settings.role}.`, 'role');
  }
  if (actor.role === 'team_admin' && settings.team_id !== actor.team_id) {
    throw deny(`A team_admin may only issue keys of its own team (${actor.team_id ?? 'none'}), not ${settings.team_id ?? 'no team'}.`, 'team_id');
  }
  if (!actor.models.includes('*')) {
    const granted = effectiveModels(settings.models, team?.settings.models ?? null);
    if (granted.includes('*')) throw deny('You may not grant every model: list the models (yours are limited).', 'models');
    const foreign = granted.find((m) => !actor.models.includes(m));
    if (foreign) throw deny(`You may not grant the model "${foreign}": you do not have it.`, 'models');
  }
  if (settings.team_id === null) return;
  if (!team) throw new GatehouseError('not_found', `No such team: ${settings.team_id}.`, { param: 'team_id' });
  checkWithinTeam(settings, team.settings);
}

function checkWithinTeam(s: KeySettings, t: TeamSettings): void {
  const teamModels = t.models.length === 0 || t.models.includes('*') ? null : t.models;
  if (teamModels) {
    const outside = s.models.find((m) => m !== '*' && !teamModels.includes(m));
    if (outside) throw deny(`The model "${outside}" is not among the models of team ${t.team_alias ?? ''}`.trim() + '.', 'models');
  }
  for (const f of ['rpm_limit', 'tpm_limit', 'max_parallel_requests', 'max_budget'] as const) {
    const teamLimit = t[f];
    const own = s[f];
    // Unset (null) inherits the team's limit; a set one may only be tighter.
    if (teamLimit !== null && own !== null && own > teamLimit) {
      throw deny(`${f} ${own} exceeds the team's ${teamLimit}: a key may only narrow its team's limits.`, f);
    }
  }
}

/** Creating teams is a proxy admin's job. */
export function mayCreateTeam(actor: Actor): void {
  if (actor.role !== 'proxy_admin') throw deny(`A ${actor.role} may not create teams.`);
}

export function mayReadTeam(actor: Actor, team: TeamRecord): void {
  if (actor.role === 'proxy_admin' || actor.role === 'viewer') return;
  if (actor.team_id === team.team_id) return;
  throw deny(`A ${actor.role} may not read team ${team.team_id}.`, 'team_id');
}

/** A team admin may rename its team, set its metadata and add members: not raise its own limits. */
export function mayChangeTeam(actor: Actor, team: TeamRecord, fields: Partial<TeamSettings> | 'members'): void {
  if (actor.role === 'proxy_admin') return;
  if (actor.role !== 'team_admin') throw deny(`A ${actor.role} may not change teams.`, 'team_id');
  if (actor.team_id !== team.team_id) throw deny(`A team_admin manages only its own team (${actor.team_id ?? 'none'}), not ${team.team_id}.`, 'team_id');
  if (fields === 'members') return;
  const raised = Object.keys(fields).find((k) => k !== 'team_alias' && k !== 'metadata');
  if (raised) throw deny(`A team_admin may not change its team's ${raised}: only a proxy_admin may.`, raised);
}
