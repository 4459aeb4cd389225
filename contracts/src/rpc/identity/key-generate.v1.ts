import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Actor, exampleActor, exampleKeyInfo, KeyFields, KeyInfo, Sha256Hex } from './admin-shapes';

/** `gh.rpc.identity.key_generate.v1` — Issue a virtual key. Ingress mints the key and sends only its SHA-256 digest; the key never crosses NATS.
 * Answers only after this replica applied the resulting event and every ingress replica dropped
 * what it had cached (read-your-writes, revocation on the next request). */
export const IdentityKeyGenerateV1 = defineRpc({
  service: Services.identity,
  op: 'key_generate',
  version: 1,
  description: 'Issue a virtual key. Ingress mints the key and sends only its SHA-256 digest; the key never crosses NATS.',
  timeoutMs: 5_000,
  request: z.object({ actor: Actor, key_sha256: Sha256Hex, fields: KeyFields }),
  response: z.object({ info: KeyInfo }),
  example: {
    request: { actor: exampleActor, key_sha256: 'b'.repeat(64), fields: { key_alias: 'billing-prod', team_id: 'team_billing', duration: '30d' } },
    response: { info: exampleKeyInfo },
  },
});
