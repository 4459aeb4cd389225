import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, KeyRef } from './admin-shapes';

/** `gh.rpc.identity.key_delete.v1` — Revoke keys, named by id, digest or alias. Refused on the very next request on every ingress replica.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityKeyDeleteV1 = defineRpc({
  service: Services.identity,
  op: 'key_delete',
  version: 1,
  description: 'Revoke keys, named by id, digest or alias. Refused on the very next request on every ingress replica.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, keys: z.array(KeyRef).max(1000), key_aliases: z.array(z.string().min(1)).max(1000) }),
  response: z.object({ deleted_keys: z.array(z.string()) }),
  example: {
    request: { actor: exampleActor, keys: [{ key_id: 'key_7Qd2' }], key_aliases: [] },
    response: { deleted_keys: ['key_7Qd2'] },
  },
});
