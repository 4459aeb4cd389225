import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { Principal } from './principal';

/**
 * `gh.rpc.identity.authenticate_token.v1` — turn an SSO bearer token (OIDC / JWT) into a
 * principal. Identity validates it against the issuer's JWKS (iss, aud, exp, nbf, algorithm
 * allow-list) and maps its groups to a team and role (docs/adr/0006). The token is a short-lived,
 * audience-bound credential; it is never logged (the scrubber masks `eyJ…`) nor put in an event.
 */
export const IdentityAuthenticateTokenV1 = defineRpc({
  service: Services.identity,
  op: 'authenticate_token',
  version: 1,
  description: 'Validate an OIDC/JWT bearer token against the issuer JWKS and resolve it to a principal.',
  timeoutMs: 2_000,
  request: z.object({
    token: z.string().min(16).max(16_384),
    min_seq: z.number().int().nonnegative().optional(),
  }),
  response: z.object({ principal: Principal, seq: z.number().int().nonnegative() }),
  example: {
    request: { token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.signature' },
    response: {
      principal: {
        key_id: 'sso:alice', key_alias: 'alice@example.com', team_id: 'team_billing', user_id: 'alice', role: 'team_admin',
        models: ['gpt-4o-mini'], rpm_limit: null, tpm_limit: null, max_parallel_requests: null, metadata: {},
        expires_at: '2026-11-22T11:00:00.000Z', sso_subject: 'alice',
      },
      seq: 42,
    },
  },
});
