import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/transport-node';
import { decodeJson } from '@gatehouse/nats';
import { CacheStoreService } from '../store/cache-store.service';
import { parseKey, type SemanticRecord } from '../store/stored-entry';
import { type IndexHit, VectorIndex } from './vector-index';
import { decodeVector } from './vector-math';

/**
 * Every replica's in-memory vector indexes, one per namespace + scope (model, parameters, system
 * prompt, tools), built from a watch of the bucket's semantic records (`s.>`, values included:
 * ~1.4 KB each). Entries written by any replica appear here within the watch's delivery time.
 */
@Injectable()
export class SemanticIndexService implements OnModuleInit, OnModuleDestroy {
  private readonly indexes = new Map<string, VectorIndex>();
  /** Exact digest → its semantic record's key, to delete both on eviction. */
  private readonly recordOf = new Map<string, string>();
  private watcher: QueuedIterator<KvWatchEntry> | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;

  constructor(@Inject(CacheStoreService) private readonly store: CacheStoreService) {}

  async onModuleInit(): Promise<void> {
    await this.store.ready();
    this.watcher = await this.store.kv.watch({ key: 's.>' });
    void this.follow(this.watcher);
    this.pruneTimer = setInterval(() => this.prune(Date.now()), 60_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.watcher?.stop();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
  }

  /** Nearest stored prompts of this scope with an index cosine ≥ `minScore`, best first. */
  search(ns: string, scope: string, vec: Float32Array, minScore: number, limit: number, now = Date.now()): IndexHit[] {
    return this.indexes.get(`${ns}.${scope}`)?.search(vec, minScore, limit, now) ?? [];
  }

  /** Adds at once what this replica just wrote (the watch will confirm it). */
  add(key: string, vec: Float32Array, expiresAt: number): void {
    const p = parseKey(key);
    if (p?.kind !== 's') return;
    const scope = `${p.ns}.${p.scope}`;
    let idx = this.indexes.get(scope);
    if (!idx) this.indexes.set(scope, (idx = new VectorIndex()));
    // The watch echoes this replica's own writes: the same record (same digest, same expiry) is
    // already in, and re-inserting it would cost a graph removal and insertion.
    if (idx.expiresOf(p.digest) !== expiresAt) idx.add(p.digest, vec, expiresAt);
    this.recordOf.set(`${p.ns}.${p.digest}`, key);
  }

  recordKeyOf(ns: string, digest: string): string | undefined {
    return this.recordOf.get(`${ns}.${digest}`);
  }

  private remove(key: string): void {
    const p = parseKey(key);
    if (p?.kind !== 's') return;
    this.indexes.get(`${p.ns}.${p.scope}`)?.remove(p.digest);
    this.recordOf.delete(`${p.ns}.${p.digest}`);
  }

  private prune(now: number): void {
    for (const [scope, idx] of this.indexes) if (idx.prune(now) && idx.size === 0) this.indexes.delete(scope);
  }

  private async follow(watcher: QueuedIterator<KvWatchEntry>): Promise<void> {
    for await (const e of watcher) {
      if (e.operation !== 'PUT' || e.value.length === 0) {
        this.remove(e.key);
        continue;
      }
      const rec = decodeJson(e.value) as SemanticRecord;
      this.add(e.key, decodeVector(rec.v), rec.x);
    }
  }
}
