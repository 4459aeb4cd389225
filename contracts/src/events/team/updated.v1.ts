import { z } from 'zod';
import { defineEvent } from '../event';
import { TeamSettings } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from '../key/key-event-base';

/** `gh.evt.team.updated.v1` — The settings of a team changed (models, limits, budget, blocked); carries only the changed fields. */
export const TeamUpdatedV1 = defineEvent({
  family: 'team',
  name: 'updated',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'The settings of a team changed (models, limits, budget, blocked); carries only the changed fields.',
  schema: IdentityEventBase.extend({ team_id: z.string(), changes: TeamSettings.partial() }),
  idField: 'event_id',
  example: { ...exampleEventBase, team_id: 'team_billing', changes: { blocked: true } },
});
