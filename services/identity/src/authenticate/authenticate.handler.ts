import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GatehouseError, IdentityAuthenticateV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { IdentityLog } from '../events/identity-log.service';
import { authenticateDigest } from '../state/principal-of';
import { KeyDirectoryService } from './key-directory.service';

/** One message for every failure: it must not tell an unknown key from a malformed, revoked or expired one. */
export const INVALID_KEY = 'Invalid API key. Pass a Gatehouse virtual key as "Authorization: Bearer <key>".';

@Controller()
export class AuthenticateHandler implements Handles<typeof IdentityAuthenticateV1> {
  constructor(
    private readonly keys: KeyDirectoryService,
    private readonly log: IdentityLog,
  ) {}

  @RpcHandler(IdentityAuthenticateV1)
  async handle(@Payload() req: RpcRequest<typeof IdentityAuthenticateV1>): Promise<RpcResponse<typeof IdentityAuthenticateV1>> {
    if (req.min_seq !== undefined && req.min_seq > this.log.state.seq) {
      await this.log.waitFor(req.min_seq).catch((err) => {
        throw new GatehouseError('service_unavailable', 'Identity is catching up with its event stream.', {}, { cause: err });
      });
    }
    // Config keys first (the master key and `gatehouse.keys`), then the keys issued as events.
    const principal = this.keys.lookup(req.credential_sha256) ?? authenticateDigest(this.log.state, req.credential_sha256, new Date());
    if (!principal) throw new GatehouseError('invalid_api_key', INVALID_KEY);
    return { principal, seq: this.log.state.seq };
  }
}
