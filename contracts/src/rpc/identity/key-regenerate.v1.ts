import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, Duration, exampleActor, exampleKeyInfo, KeyFields, KeyInfo, KeyRef, Sha256Hex } from './admin-shapes';

/** `gh.rpc.identity.key_regenerate.v1` — Rotate a key: a new secret (its digest), the same key id and settings; the old secret may stay valid for a grace period.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityKeyRegenerateV1 = defineRpc({
  service: Services.identity,
  op: 'key_regenerate',
  version: 1,
  description: 'Rotate a key: a new secret (its digest), the same key id and settings; the old secret may stay valid for a grace period.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, key: KeyRef, new_key_sha256: Sha256Hex, grace_period: Duration.nullable(), fields: KeyFields }),
  response: z.object({ info: KeyInfo }),
  example: {
    request: { actor: exampleActor, key: { key_id: 'key_7Qd2' }, new_key_sha256: 'c'.repeat(64), grace_period: '1h', fields: {} },
    response: { info: exampleKeyInfo },
  },
});
