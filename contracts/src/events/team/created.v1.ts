import { z } from 'zod';
import { defineEvent } from '../event';
import { exampleTeamSettings, TeamMember, TeamSettings } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from '../key/key-event-base';

/** `gh.evt.team.created.v1` — A team was created with its settings and first members. */
export const TeamCreatedV1 = defineEvent({
  family: 'team',
  name: 'created',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'A team was created with its settings and first members.',
  schema: IdentityEventBase.extend({ team_id: z.string(), settings: TeamSettings, members: z.array(TeamMember) }),
  idField: 'event_id',
  example: { ...exampleEventBase, team_id: 'team_billing', settings: exampleTeamSettings, members: [] },
});
