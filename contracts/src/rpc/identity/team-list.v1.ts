import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleTeamInfo, TeamInfo } from './admin-shapes';

/** `gh.rpc.identity.team_list.v1` — The teams the caller may see.
 * Reads answer from this replica's state; commands answer only after it applied their event. */
export const IdentityTeamListV1 = defineRpc({
  service: Services.identity,
  op: 'team_list',
  version: 1,
  description: 'The teams the caller may see.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor }),
  response: z.object({ teams: z.array(TeamInfo) }),
  example: {
    request: { actor: exampleActor },
    response: { teams: [exampleTeamInfo] },
  },
});
