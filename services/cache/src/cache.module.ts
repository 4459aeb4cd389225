import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { CacheEngine } from './lookup/cache-engine.service';
import { LookupHandler, LookupV1Handler } from './lookup/lookup.handler';
import { SemanticIndexService } from './semantic/semantic-index.service';
import { CACHE_OPTIONS, type CacheOptions, defaultCacheOptions } from './store/cache-options';
import { CacheStoreService } from './store/cache-store.service';
import { StoreHandler } from './store/store.handler';

@Module({})
export class CacheModule {
  static register(opts: Partial<CacheOptions> = {}, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: CacheModule,
      imports,
      controllers: [LookupHandler, LookupV1Handler, StoreHandler],
      providers: [{ provide: CACHE_OPTIONS, useValue: { ...defaultCacheOptions, ...opts } }, CacheStoreService, SemanticIndexService, CacheEngine],
    };
  }
}
