import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type KV, Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { type ChatCompletion } from '@gatehouse/contracts';
import { decodeJson, InjectNats } from '@gatehouse/nats';

export const CACHE_BUCKET = 'GH_CACHE';
const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * Cached completions in a NATS KV bucket: shared by every cache replica, entries expire with the
 * bucket's TTL. Writing entries (after a completed request, when the team opted in) is issue #9.
 */
@Injectable()
export class CacheStoreService implements OnModuleInit {
  private kv!: KV;

  constructor(@InjectNats() private readonly nc: NatsConnection) {}

  async onModuleInit(): Promise<void> {
    this.kv = await new Kvm(this.nc).create(CACHE_BUCKET, { ttl: DEFAULT_TTL_MS, history: 1 });
  }

  async get(key: string): Promise<ChatCompletion | null> {
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return null;
    return decodeJson(entry.value) as ChatCompletion;
  }
}
