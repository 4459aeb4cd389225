import { Module } from '@nestjs/common';
import { LookupHandler } from './lookup/lookup.handler';
import { CacheStoreService } from './lookup/cache-store.service';

@Module({ controllers: [LookupHandler], providers: [CacheStoreService] })
export class CacheModule {}
