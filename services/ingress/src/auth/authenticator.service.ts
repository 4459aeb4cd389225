import { Injectable } from '@nestjs/common';
import { GatehouseError, IdentityAuthenticateV1, type Principal } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import { credentialDigest, credentialFrom } from '../http/credentials';
import { PrincipalCache } from './principal-cache';

type Headers = Record<string, string | string[] | undefined>;

/** Who is calling: the credential's digest goes to identity (or the recent-decision cache). */
@Injectable()
export class Authenticator {
  private readonly cache = new PrincipalCache();

  constructor(
    private readonly rpc: RpcClient,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  async authenticate(headers: Headers, ctx: CallContext): Promise<Principal> {
    const credential = credentialFrom(headers);
    if (!credential) {
      throw new GatehouseError('invalid_api_key', 'Missing API key. Pass a Gatehouse virtual key as "Authorization: Bearer <key>".');
    }
    const digest = credentialDigest(credential);
    const cached = this.cache.get(digest);
    if (cached) return cached;
    const { principal } = await this.rpc.request(IdentityAuthenticateV1, { credential_sha256: digest }, ctx, this.config.gatehouse.timeouts.identity_ms);
    this.cache.set(digest, principal);
    return principal;
  }
}

/** Pure: may this principal call this model (by the name it asked for or its group)? */
export function mayCall(principal: Principal, model: string, group: string): boolean {
  return principal.models.includes('*') || principal.models.includes(model) || principal.models.includes(group);
}
