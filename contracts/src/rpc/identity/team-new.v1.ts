import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleTeamInfo, TeamFields, TeamInfo, TeamMember } from './admin-shapes';

/** `gh.rpc.identity.team_new.v1` — Create a team with its models, limits, budget and first members.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityTeamNewV1 = defineRpc({
  service: Services.identity,
  op: 'team_new',
  version: 1,
  description: 'Create a team with its models, limits, budget and first members.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, team_id: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/).nullable(), fields: TeamFields, members: z.array(TeamMember).max(1000) }),
  response: z.object({ team: TeamInfo }),
  example: {
    request: { actor: exampleActor, team_id: 'team_billing', fields: { team_alias: 'Billing', models: ['gpt-4o-mini'] }, members: [] },
    response: { team: exampleTeamInfo },
  },
});
