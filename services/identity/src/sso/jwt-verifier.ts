import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { GatehouseError } from '@gatehouse/contracts';
import type { SsoSettings } from '@gatehouse/config';

/** What identity takes from a valid token. */
export interface SsoClaims {
  subject: string;
  email: string | null;
  groups: string[];
  /** `exp`, ISO. */
  expires_at: string;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Validates OIDC / JWT bearer tokens with `jose` against the issuer's JWKS: signature with a key
 * from the set (cached, refetched on an unknown `kid` for rotation, at most once per cooldown),
 * `iss`, `aud`, `exp` (required), `nbf`, and an algorithm allow-list that never holds `none`.
 * Every failure is one 401 with a short reason; the token itself is never echoed.
 */
export class JwtVerifier {
  private keys: Promise<KeySet> | null = null;

  constructor(private readonly sso: SsoSettings) {}

  async verify(token: string): Promise<SsoClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.sso.issuer,
        audience: this.sso.audience,
        algorithms: this.sso.algorithms,
        clockTolerance: this.sso.clock_tolerance_s,
        requiredClaims: ['exp', this.sso.subject_claim],
      }));
    } catch (err) {
      if (err instanceof GatehouseError) throw err;
      throw new GatehouseError('invalid_api_key', `Invalid SSO token: ${reason(err)}.`);
    }
    const subject = payload[this.sso.subject_claim];
    if (typeof subject !== 'string' || !subject) throw new GatehouseError('invalid_api_key', `Invalid SSO token: no ${this.sso.subject_claim}.`);
    const email = payload[this.sso.email_claim];
    const groups = payload[this.sso.groups_claim];
    return {
      subject,
      email: typeof email === 'string' ? email : null,
      groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : typeof groups === 'string' ? [groups] : [],
      expires_at: new Date(payload.exp! * 1000).toISOString(),
    };
  }

  private keySet(): Promise<KeySet> {
    this.keys ??= this.jwksUri().then(
      (uri) => createRemoteJWKSet(new URL(uri), { cacheMaxAge: this.sso.jwks_cache_s * 1000, cooldownDuration: this.sso.jwks_cooldown_s * 1000 }),
      (err) => {
        this.keys = null; // try discovery again on the next token
        throw new GatehouseError('service_unavailable', `SSO issuer discovery failed: ${(err as Error).message}`);
      },
    );
    return this.keys;
  }

  private async jwksUri(): Promise<string> {
    if (this.sso.jwks_uri) return this.sso.jwks_uri;
    const res = await fetch(`${this.sso.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`openid-configuration answered ${res.status}`);
    const doc = (await res.json()) as { jwks_uri?: unknown };
    if (typeof doc.jwks_uri !== 'string') throw new Error('openid-configuration has no jwks_uri');
    return doc.jwks_uri;
  }
}

function reason(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `claim "${err.claim}" ${err.reason === 'check_failed' ? 'does not match' : err.reason}`;
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof errors.JWKSNoMatchingKey) return 'signed by an unknown key';
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'issuer keys unavailable';
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return 'malformed';
  return 'rejected';
}
