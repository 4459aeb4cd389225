import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CacheLookupV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { exactCacheKey } from './cache-key';
import { CacheStoreService } from './cache-store.service';

@Controller()
export class LookupHandler implements Handles<typeof CacheLookupV1> {
  constructor(private readonly store: CacheStoreService) {}

  @RpcHandler(CacheLookupV1)
  async handle(@Payload() req: RpcRequest<typeof CacheLookupV1>): Promise<RpcResponse<typeof CacheLookupV1>> {
    const hit = await this.store.get(exactCacheKey(req.namespace, req.request));
    return hit ? { status: 'hit', response: hit } : { status: 'miss' };
  }
}
