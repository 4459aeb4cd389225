import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type KV, type KvWatchEntry, Kvm } from '@nats-io/kv';
import type { NatsConnection, QueuedIterator } from '@nats-io/transport-node';
import { type ChatCompletion } from '@gatehouse/contracts';
import { decodeJson, InjectNats } from '@gatehouse/nats';

export const CACHE_BUCKET = 'GH_CACHE';
const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * Cached completions in a NATS KV bucket, shared by every cache replica; entries expire with the
 * bucket's TTL. Each replica mirrors the bucket's *keys* (a headers-only watch), so a miss — the
 * common case — is a local set look-up instead of a JetStream round trip; only a probable hit
 * reads the value. Writing entries (after a completed request, when the team opted in) is issue #9.
 */
@Injectable()
export class CacheStoreService implements OnModuleInit, OnModuleDestroy {
  private kv!: KV;
  private readonly keys = new Set<string>();
  private watcher: QueuedIterator<KvWatchEntry> | null = null;
  private mirrored = false;

  constructor(@InjectNats() private readonly nc: NatsConnection) {}

  async onModuleInit(): Promise<void> {
    this.kv = await new Kvm(this.nc).create(CACHE_BUCKET, { ttl: DEFAULT_TTL_MS, history: 1 });
    const empty = (await this.kv.status()).values === 0;
    this.watcher = await this.kv.watch({ headers_only: true });
    this.mirrored = empty;
    void this.mirror(this.watcher);
  }

  async onModuleDestroy(): Promise<void> {
    this.watcher?.stop();
  }

  async get(key: string): Promise<ChatCompletion | null> {
    if (this.mirrored && !this.keys.has(key)) return null;
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) {
      this.keys.delete(key); // expired by TTL: the watch sees no marker for that
      return null;
    }
    return decodeJson(entry.value) as ChatCompletion;
  }

  private async mirror(watcher: QueuedIterator<KvWatchEntry>): Promise<void> {
    for await (const e of watcher) {
      if (e.operation === 'PUT') this.keys.add(e.key);
      else this.keys.delete(e.key);
      // Until the watch delivered what existed at start (the last of those is the first `isUpdate`),
      // misses still ask the bucket.
      if (e.isUpdate) this.mirrored = true;
    }
  }
}
