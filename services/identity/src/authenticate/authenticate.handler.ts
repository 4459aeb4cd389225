import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GatehouseError, IdentityAuthenticateV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { KeyDirectoryService } from './key-directory.service';

@Controller()
export class AuthenticateHandler implements Handles<typeof IdentityAuthenticateV1> {
  constructor(private readonly keys: KeyDirectoryService) {}

  @RpcHandler(IdentityAuthenticateV1)
  async handle(@Payload() req: RpcRequest<typeof IdentityAuthenticateV1>): Promise<RpcResponse<typeof IdentityAuthenticateV1>> {
    const principal = this.keys.lookup(req.credential_sha256);
    // One message for every failure: it must not tell an unknown key from a malformed one.
    if (!principal) throw new GatehouseError('invalid_api_key', 'Invalid API key. Pass a Gatehouse virtual key as "Authorization: Bearer <key>".');
    return { principal };
  }
}
