import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GatehouseError, IdentityAuthenticateTokenV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { IdentityLog } from '../events/identity-log.service';
import { JwtVerifier } from '../sso/jwt-verifier';
import { ssoPrincipal } from '../sso/sso-principal';

export const JWT_VERIFIER = Symbol('JWT_VERIFIER');

/** SSO bearer tokens: validated here, where the JWKS cache and the teams live (docs/adr/0006). */
@Controller()
export class AuthenticateTokenHandler implements Handles<typeof IdentityAuthenticateTokenV1> {
  constructor(
    private readonly log: IdentityLog,
    @Inject(JWT_VERIFIER) private readonly verifier: JwtVerifier | null,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  @RpcHandler(IdentityAuthenticateTokenV1)
  async handle(@Payload() req: RpcRequest<typeof IdentityAuthenticateTokenV1>): Promise<RpcResponse<typeof IdentityAuthenticateTokenV1>> {
    const sso = this.config.gatehouse.sso;
    if (!this.verifier || !sso) throw new GatehouseError('invalid_api_key', 'Invalid API key: SSO tokens are not accepted here (no gatehouse.sso).');
    const claims = await this.verifier.verify(req.token);
    if (req.min_seq !== undefined) await this.log.waitFor(req.min_seq).catch(() => undefined);
    return { principal: ssoPrincipal(claims, sso, this.log.state), seq: this.log.state.seq };
  }
}
