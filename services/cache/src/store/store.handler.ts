import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CacheStoreV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { CacheEngine } from '../lookup/cache-engine.service';

/** `gh.rpc.cache.store.v1`: keep an answer (ingress decided it may be kept). */
@Controller()
export class StoreHandler implements Handles<typeof CacheStoreV1> {
  constructor(private readonly engine: CacheEngine) {}

  @RpcHandler(CacheStoreV1)
  handle(@Payload() req: RpcRequest<typeof CacheStoreV1>): Promise<RpcResponse<typeof CacheStoreV1>> {
    return this.engine.save(req);
  }
}
