import type { Actor, Principal } from '@gatehouse/contracts';

/** Pure: the actor identity authorizes an admin call as: who, which role and team, which models. */
export function actorOf(p: Principal): Actor {
  const sso = p.sso_subject ?? null;
  return { key_id: sso ? null : p.key_id, sso_subject: sso, role: p.role, team_id: p.team_id, models: p.models };
}
