import { Injectable } from '@nestjs/common';
import type { Actor, RpcContract, RpcRequest, RpcResponse } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { actorOf } from '../auth/actor';
import { Authenticator } from '../auth/authenticator.service';

type Headers = Record<string, string | string[] | undefined>;

/** The admin routes' one way to identity: authenticate the caller, then call with it as the actor. */
@Injectable()
export class AdminRpc {
  constructor(
    private readonly auth: Authenticator,
    private readonly rpc: RpcClient,
  ) {}

  async actor(headers: Headers): Promise<Actor> {
    return actorOf(await this.auth.authenticate(headers, {}));
  }

  async call<C extends RpcContract>(headers: Headers, contract: C, request: (actor: Actor) => RpcRequest<C>): Promise<RpcResponse<C>> {
    const actor = await this.actor(headers);
    return this.rpc.request(contract, request(actor));
  }
}
