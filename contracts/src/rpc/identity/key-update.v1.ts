import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleKeyInfo, KeyFields, KeyInfo, KeyRef } from './admin-shapes';

/** `gh.rpc.identity.key_update.v1` — Change a key's settings (alias, models, limits, budget, expiry, metadata) within its team's.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityKeyUpdateV1 = defineRpc({
  service: Services.identity,
  op: 'key_update',
  version: 1,
  description: 'Change the settings of a key (alias, models, limits, budget, expiry, metadata) within those of its team.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, key: KeyRef, fields: KeyFields }),
  response: z.object({ info: KeyInfo }),
  example: {
    request: { actor: exampleActor, key: { key_id: 'key_7Qd2' }, fields: { rpm_limit: 100 } },
    response: { info: exampleKeyInfo },
  },
});
