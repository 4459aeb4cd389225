import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleTeamInfo, TeamFields, TeamInfo } from './admin-shapes';

/** `gh.rpc.identity.team_update.v1` — Change a team's models, limits, budget, metadata or blocked flag.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityTeamUpdateV1 = defineRpc({
  service: Services.identity,
  op: 'team_update',
  version: 1,
  description: 'Change the models, limits, budget, metadata or blocked flag of a team.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, team_id: z.string().min(1), fields: TeamFields }),
  response: z.object({ team: TeamInfo }),
  example: {
    request: { actor: exampleActor, team_id: 'team_billing', fields: { rpm_limit: 1000 } },
    response: { team: exampleTeamInfo },
  },
});
