import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleKeyInfo, KeyInfo, KeyRef } from './admin-shapes';

/** `gh.rpc.identity.key_info.v1` — A key's settings and state; without a key, the caller's own.
 * Reads answer from this replica's state; commands answer only after it applied their event. */
export const IdentityKeyInfoV1 = defineRpc({
  service: Services.identity,
  op: 'key_info',
  version: 1,
  description: 'The settings and state of a key; without a key, those of the caller.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, key: KeyRef.nullable() }),
  response: z.object({ info: KeyInfo }),
  example: {
    request: { actor: exampleActor, key: { key_id: 'key_7Qd2' } },
    response: { info: exampleKeyInfo },
  },
});
