import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Principal } from './principal';

/**
 * `gh.rpc.identity.authenticate.v1` — turn a credential into a principal.
 * Ingress sends the SHA-256 of the bearer token, never the token: virtual keys carry 256 bits of
 * entropy, so the digest identifies the key without exposing it on the bus. Unknown digests are
 * answered with `invalid_api_key`.
 */
export const IdentityAuthenticateV1 = defineRpc({
  service: Services.identity,
  op: 'authenticate',
  version: 1,
  description: 'Resolve the SHA-256 digest of a bearer credential to the calling principal.',
  timeoutMs: 1_000,
  request: z.object({
    credential_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 digest'),
    /** Answer only once GH_IDENTITY is applied up to this sequence (the last invalidation ingress saw). */
    min_seq: z.number().int().nonnegative().optional(),
  }),
  response: z.object({
    principal: Principal,
    /** The GH_IDENTITY sequence this answer reflects; ingress caches only answers not older than its last invalidation. */
    seq: z.number().int().nonnegative().optional(),
  }),
  example: {
    request: { credential_sha256: 'a'.repeat(64) },
    response: {
      principal: {
        key_id: 'key_demo', key_alias: 'demo', team_id: 'team_demo', user_id: null, role: 'internal_user',
        models: ['*'], rpm_limit: 600, tpm_limit: null, max_parallel_requests: null, metadata: {},
      },
    },
  },
});
