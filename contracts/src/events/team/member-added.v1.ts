import { z } from 'zod';
import { defineEvent } from '../event';
import { TeamMember } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from '../key/key-event-base';

/** `gh.evt.team.member_added.v1` — A member (user id or email, role admin or user) joined a team. */
export const TeamMemberAddedV1 = defineEvent({
  family: 'team',
  name: 'member_added',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'A member (user id or email, role admin or user) joined a team.',
  schema: IdentityEventBase.extend({ team_id: z.string(), member: TeamMember }),
  idField: 'event_id',
  example: { ...exampleEventBase, team_id: 'team_billing', member: { user_id: 'bob', user_email: null, role: 'user' } },
});
