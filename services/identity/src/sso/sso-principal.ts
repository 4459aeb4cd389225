import { GatehouseError, type Principal, type Role } from '@gatehouse/contracts';
import type { SsoSettings } from '@gatehouse/config';
import type { TeamRecord } from '../teams/team.decider';
import type { IdentityState } from '../state/identity-state';
import type { SsoClaims } from './jwt-verifier';

const RANK: Record<Role, number> = { internal_user: 0, viewer: 1, team_admin: 2, proxy_admin: 3 };

/**
 * Pure: the principal of a validated SSO token. Team: the first of its groups mapped by
 * `group_teams`, else a team that lists the subject (or email) as a member. Role: the strongest
 * of `group_roles` over its groups, at least `team_admin` for a team member with role `admin`.
 * Models and limits are the team's; without a team, `default_models` and no limits.
 */
export function ssoPrincipal(claims: SsoClaims, sso: SsoSettings, state: IdentityState): Principal {
  const mapped = claims.groups.map((g) => sso.group_teams[g]).find((t): t is string => typeof t === 'string');
  const member = (t: TeamRecord) => t.members.find((m) => m.user_id === claims.subject || (claims.email !== null && m.user_email === claims.email));
  const team = mapped !== undefined ? (state.teams.get(mapped) ?? null) : ([...state.teams.values()].find((t) => member(t)) ?? null);
  if (team?.settings.blocked) throw new GatehouseError('invalid_api_key', 'Invalid SSO token: its team is blocked.');
  let role: Role = sso.default_role;
  for (const g of claims.groups) {
    const r = sso.group_roles[g];
    if (r && RANK[r] > RANK[role]) role = r;
  }
  if (team && member(team)?.role === 'admin' && RANK.team_admin > RANK[role]) role = 'team_admin';
  const t = team?.settings ?? null;
  return {
    key_id: `sso:${claims.subject}`,
    key_alias: claims.email ?? claims.subject,
    team_id: team?.team_id ?? mapped ?? null,
    user_id: claims.subject,
    role,
    models: role === 'proxy_admin' ? ['*'] : t ? (t.models.length ? [...t.models] : ['*']) : [...sso.default_models],
    rpm_limit: t?.rpm_limit ?? null,
    tpm_limit: t?.tpm_limit ?? null,
    max_parallel_requests: t?.max_parallel_requests ?? null,
    metadata: {},
    expires_at: claims.expires_at,
    max_budget: t?.max_budget ?? null,
    budget_duration: t?.budget_duration ?? null,
    team_max_budget: t?.max_budget ?? null,
    team_budget_duration: t?.budget_duration ?? null,
    project: null,
    environment: null,
    sso_subject: claims.subject,
  };
}
