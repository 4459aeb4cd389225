import {
  type IdentityTeamMemberAddV1,
  type IdentityTeamNewV1,
  type IdentityTeamUpdateV1,
  type RpcRequest,
} from '@gatehouse/contracts';
import { decideTeam, evolveTeam, type TeamRecord } from '../teams/team.decider';
import type { IdentityEvent, IdentityState } from '../state/identity-state';
import type { CommandContext } from './command-runner.service';
import { mayChangeTeam, mayCreateTeam } from './policy';
import { definedFields, findTeam, newTeamSettings } from './views';

/** Pure deciders of the team admin operations. */

export function decideTeamNew(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityTeamNewV1>, teamId: string): IdentityEvent[] {
  mayCreateTeam(req.actor);
  const cmd = { type: 'create' as const, team_id: teamId, settings: newTeamSettings(req.fields), members: req.members };
  return decideTeam(cmd, state.teams.get(teamId) ?? null, ctx.meta());
}

export function decideTeamUpdate(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityTeamUpdateV1>): IdentityEvent[] {
  const team = findTeam(state, req.team_id);
  const changes = definedFields(req.fields);
  mayChangeTeam(req.actor, team, changes);
  return decideTeam({ type: 'update', changes }, team, ctx.meta());
}

export function decideMemberAdd(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityTeamMemberAddV1>): IdentityEvent[] {
  let team: TeamRecord | null = findTeam(state, req.team_id);
  mayChangeTeam(req.actor, team, 'members');
  const out: IdentityEvent[] = [];
  for (const member of req.members) {
    for (const e of decideTeam({ type: 'add_member', member }, team, ctx.meta())) {
      out.push(e);
      team = evolveTeam(team, e);
    }
  }
  return out;
}
