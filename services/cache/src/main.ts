import 'reflect-metadata';
import { CacheLookupV1, CacheLookupV2, CacheStoreV1 } from '@gatehouse/contracts';
import { NatsModule, runAsProcess, startRpcService } from '@gatehouse/nats';
import { CacheModule } from './cache.module';
import type { CacheOptions } from './store/cache-options';

/** cache: stored answers. Serves `gh.rpc.cache.*` in the `cache` queue group (docs/adr/0011). */
export function startCache(opts: { natsUrl?: string } & Partial<CacheOptions> = {}) {
  const { natsUrl, ...options } = opts;
  return startRpcService({
    service: 'cache',
    contracts: [CacheLookupV1, CacheLookupV2, CacheStoreV1],
    module: (nc) => CacheModule.register(options, [NatsModule.forConnection(nc)]),
    natsUrl,
  });
}

if (require.main === module) {
  const env = process.env;
  runAsProcess('cache', () =>
    startCache({
      ...(env.GH_CACHE_MAX_TTL_S ? { maxTtlS: Number(env.GH_CACHE_MAX_TTL_S) } : {}),
      ...(env.GH_CACHE_MAX_BYTES ? { maxBytes: Number(env.GH_CACHE_MAX_BYTES) } : {}),
      ...(env.GH_CACHE_VALUE_BYTES ? { valueCacheBytes: Number(env.GH_CACHE_VALUE_BYTES) } : {}),
    }),
  );
}
