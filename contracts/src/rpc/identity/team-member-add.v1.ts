import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleTeamInfo, TeamInfo, TeamMember } from './admin-shapes';

/** `gh.rpc.identity.team_member_add.v1` — Add members (user id or email, role admin or user) to a team.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityTeamMemberAddV1 = defineRpc({
  service: Services.identity,
  op: 'team_member_add',
  version: 1,
  description: 'Add members (user id or email, role admin or user) to a team.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, team_id: z.string().min(1), members: z.array(TeamMember).min(1).max(1000) }),
  response: z.object({ team: TeamInfo }),
  example: {
    request: { actor: exampleActor, team_id: 'team_billing', members: [{ user_id: 'bob', user_email: null, role: 'user' }] },
    response: { team: exampleTeamInfo },
  },
});
