import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleKeyInfo, KeyInfo } from './admin-shapes';

/** `gh.rpc.identity.key_list.v1` — The keys the caller may see, filtered and paged.
 * Reads answer from this replica's state; commands answer only after it applied their event. */
export const IdentityKeyListV1 = defineRpc({
  service: Services.identity,
  op: 'key_list',
  version: 1,
  description: 'The keys the caller may see, filtered and paged.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, team_id: z.string().nullable(), key_alias: z.string().nullable(), user_id: z.string().nullable(), include_revoked: z.boolean(), page: z.number().int().positive(), size: z.number().int().positive().max(1000) }),
  response: z.object({ keys: z.array(KeyInfo), total_count: z.number().int(), current_page: z.number().int(), total_pages: z.number().int() }),
  example: {
    request: { actor: exampleActor, team_id: null, key_alias: null, user_id: null, include_revoked: false, page: 1, size: 100 },
    response: { keys: [exampleKeyInfo], total_count: 1, current_page: 1, total_pages: 1 },
  },
});
