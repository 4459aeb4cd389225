import { Injectable } from '@nestjs/common';
import {
  GatehouseError,
  IdentityAuthenticateTokenV1,
  IdentityAuthenticateV1,
  type Principal,
} from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import { credentialDigest, credentialFrom } from '../http/credentials';
import { PrincipalCache } from './principal-cache';

type Headers = Record<string, string | string[] | undefined>;

/** Pure: a compact JWS (`header.payload.signature`, base64url) rather than a virtual key. */
export function looksLikeJwt(credential: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential);
}

/**
 * Who is calling. Virtual keys: only their SHA-256 goes to identity. SSO tokens (when
 * `gatehouse.sso` is set): the token goes to identity, which validates it. Decisions are cached
 * by the digest of the whole credential until identity invalidates them, they expire, or 5 s pass.
 * One request authenticates once: the guard and the route share the same promise.
 */
@Injectable()
export class Authenticator {
  readonly cache = new PrincipalCache();
  /** The last GH_IDENTITY sequence an invalidation announced: older identity answers are not cached. */
  private minSeq = 0;
  private readonly perRequest = new WeakMap<object, Promise<Principal>>();

  constructor(
    private readonly rpc: RpcClient,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  authenticate(headers: Headers, ctx: CallContext): Promise<Principal> {
    let p = this.perRequest.get(headers);
    if (!p) {
      p = this.resolve(headers, ctx);
      this.perRequest.set(headers, p);
    }
    return p;
  }

  /** Identity changed these keys/teams (as of `seq`): forget what was cached about them. */
  invalidate(seq: number, keyIds: readonly string[], teamIds: readonly string[], all = false): void {
    this.minSeq = Math.max(this.minSeq, seq);
    if (all) this.cache.clear();
    else this.cache.evict(keyIds, teamIds);
  }

  private async resolve(headers: Headers, ctx: CallContext): Promise<Principal> {
    const credential = credentialFrom(headers);
    if (!credential) {
      throw new GatehouseError('invalid_api_key', 'Missing API key. Pass a Gatehouse virtual key as "Authorization: Bearer <key>".');
    }
    const digest = credentialDigest(credential);
    const cached = this.cache.get(digest);
    if (cached) return cached;
    const jwt = this.config.gatehouse.sso !== undefined && looksLikeJwt(credential);
    for (let attempt = 0; ; attempt++) {
      const floor = this.minSeq;
      const min_seq = floor > 0 ? floor : undefined;
      const { principal, seq } = jwt
        ? await this.rpc.request(IdentityAuthenticateTokenV1, { token: credential, min_seq }, ctx, this.config.gatehouse.timeouts.identity_ms)
        : await this.rpc.request(IdentityAuthenticateV1, { credential_sha256: digest, min_seq }, ctx, this.config.gatehouse.timeouts.identity_ms);
      // An invalidation arrived while identity answered: that answer may predate it.
      if ((seq ?? 0) < this.minSeq && attempt === 0) continue;
      if ((seq ?? 0) >= this.minSeq) this.cache.set(digest, principal);
      return principal;
    }
  }
}

/** Pure: may this principal call this model (by the name it asked for or its group)? */
export function mayCall(principal: Principal, model: string, group: string): boolean {
  return principal.models.includes('*') || principal.models.includes(model) || principal.models.includes(group);
}
