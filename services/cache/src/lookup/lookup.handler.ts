import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CacheLookupV1, CacheLookupV2, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { CacheEngine } from './cache-engine.service';

/** `gh.rpc.cache.lookup.v2`: exact, then semantic. */
@Controller()
export class LookupHandler implements Handles<typeof CacheLookupV2> {
  constructor(private readonly engine: CacheEngine) {}

  @RpcHandler(CacheLookupV2)
  handle(@Payload() req: RpcRequest<typeof CacheLookupV2>): Promise<RpcResponse<typeof CacheLookupV2>> {
    return this.engine.lookup(req);
  }
}

/** `gh.rpc.cache.lookup.v1`, still served: exact only, as before v2. */
@Controller()
export class LookupV1Handler implements Handles<typeof CacheLookupV1> {
  constructor(private readonly engine: CacheEngine) {}

  @RpcHandler(CacheLookupV1)
  async handle(@Payload() req: RpcRequest<typeof CacheLookupV1>): Promise<RpcResponse<typeof CacheLookupV1>> {
    const r = await this.engine.lookup({ request_id: req.request_id, namespace: req.namespace, request: req.request });
    return r.status === 'hit' ? { status: 'hit', response: r.response } : { status: 'miss' };
  }
}
