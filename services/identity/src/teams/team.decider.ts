import {
  type EventPayload,
  GatehouseError,
  type TeamCreatedV1,
  type TeamMember,
  type TeamMemberAddedV1,
  type TeamSettings,
  type TeamUpdatedV1,
} from '@gatehouse/contracts';
import { assertNever, changedFields, type DecideMeta } from '../keys/key.decider';

export interface TeamRecord {
  team_id: string;
  settings: TeamSettings;
  members: TeamMember[];
  created_at: string;
  updated_at: string;
}
export type TeamState = TeamRecord | null;

export type TeamEvent =
  | { type: 'team.created'; data: EventPayload<typeof TeamCreatedV1> }
  | { type: 'team.updated'; data: EventPayload<typeof TeamUpdatedV1> }
  | { type: 'team.member_added'; data: EventPayload<typeof TeamMemberAddedV1> };

export type TeamCommand =
  | { type: 'create'; team_id: string; settings: TeamSettings; members: TeamMember[] }
  | { type: 'update'; changes: Partial<TeamSettings> }
  | { type: 'add_member'; member: TeamMember };

export const initialTeamState = (): TeamState => null;

/** Pure: the events a command on one team produces, or a GatehouseError. */
export function decideTeam(cmd: TeamCommand, state: TeamState, meta: DecideMeta): TeamEvent[] {
  const base = { event_id: meta.eventId, occurred_at: meta.now.toISOString(), actor: meta.actor };
  if (cmd.type === 'create') {
    if (state) throw new GatehouseError('invalid_request', `Team ${cmd.team_id} already exists.`, { param: 'team_id' });
    return [{ type: 'team.created', data: { ...base, team_id: cmd.team_id, settings: cmd.settings, members: cmd.members } }];
  }
  if (!state) throw new GatehouseError('not_found', 'No such team.', { param: 'team_id' });
  switch (cmd.type) {
    case 'update': {
      const changes = changedFields(state.settings, cmd.changes);
      return Object.keys(changes).length === 0 ? [] : [{ type: 'team.updated', data: { ...base, team_id: state.team_id, changes } }];
    }
    case 'add_member': {
      if (!cmd.member.user_id && !cmd.member.user_email) throw new GatehouseError('invalid_request', 'A member needs a user_id or a user_email.', { param: 'member' });
      const same = state.members.find((m) => sameMember(m, cmd.member));
      if (same && same.role === cmd.member.role) return [];
      return [{ type: 'team.member_added', data: { ...base, team_id: state.team_id, member: cmd.member } }];
    }
  }
  return assertNever(cmd);
}

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  const at = event.data.occurred_at;
  switch (event.type) {
    case 'team.created':
      return { team_id: event.data.team_id, settings: event.data.settings, members: event.data.members, created_at: at, updated_at: at };
    case 'team.updated':
      return state && { ...state, settings: { ...state.settings, ...event.data.changes }, updated_at: at };
    case 'team.member_added': {
      const m = event.data.member;
      return state && { ...state, members: [...state.members.filter((x) => !sameMember(x, m)), m], updated_at: at };
    }
  }
  return assertNever(event);
}

export function sameMember(a: TeamMember, b: TeamMember): boolean {
  return (a.user_id !== null && a.user_id === b.user_id) || (a.user_email !== null && a.user_email === b.user_email);
}
