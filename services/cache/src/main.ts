import 'reflect-metadata';
import { CacheLookupV1 } from '@gatehouse/contracts';
import { NatsModule, runAsProcess, startRpcService } from '@gatehouse/nats';
import { CacheModule } from './cache.module';

/** cache: stored answers. Serves `gh.rpc.cache.*` in the `cache` queue group. */
export function startCache(opts: { natsUrl?: string } = {}) {
  return startRpcService({
    service: 'cache',
    contracts: [CacheLookupV1],
    module: (nc) => ({ module: CacheModule, imports: [NatsModule.forConnection(nc)] }),
    natsUrl: opts.natsUrl,
  });
}

if (require.main === module) runAsProcess('cache', () => startCache());
