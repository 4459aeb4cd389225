import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleKeyInfo, exampleTeamInfo, KeyInfo, TeamInfo } from './admin-shapes';

/** `gh.rpc.identity.team_info.v1` — A team, its members and its keys.
 * Reads answer from this replica's state; commands answer only after it applied their event. */
export const IdentityTeamInfoV1 = defineRpc({
  service: Services.identity,
  op: 'team_info',
  version: 1,
  description: 'A team, its members and its keys.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, team_id: z.string().min(1) }),
  response: z.object({ team: TeamInfo, keys: z.array(KeyInfo) }),
  example: {
    request: { actor: exampleActor, team_id: 'team_billing' },
    response: { team: exampleTeamInfo, keys: [exampleKeyInfo] },
  },
});
