import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type KV, type KvWatchEntry, Kvm } from '@nats-io/kv';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection, QueuedIterator } from '@nats-io/transport-node';
import { decodeJson, encodeJson, InjectNats } from '@gatehouse/nats';
import { CACHE_OPTIONS, type CacheOptions } from './cache-options';
import { parseKey, type StoredEntry } from './stored-entry';

export const CACHE_BUCKET = 'GH_CACHE';

/**
 * Cached completions in one NATS KV bucket shared by every cache replica (docs/adr/0011). Each
 * replica mirrors the bucket's exact-entry *keys* per namespace (a headers-only watch), so a
 * miss — the common case — is a local set look-up instead of a JetStream round trip, and the
 * namespace's size bound is enforced without a scan: the oldest keys are deleted first.
 * Entries this replica read or wrote are kept decoded (LRU, bounded in bytes) under their
 * revision; the watch drops one as soon as any replica rewrites or deletes its key, so a hot hit
 * costs no JetStream round trip and no JSON parse.
 */
@Injectable()
export class CacheStoreService implements OnModuleInit, OnModuleDestroy {
  kv!: KV;
  /** Namespace token → exact key → when this replica saw it written (insertion order = age). */
  private readonly byNamespace = new Map<string, Map<string, number>>();
  /** Decoded entries by key, least recently used first, with the revision they were read at. */
  private readonly values = new Map<string, { rev: number; entry: StoredEntry; bytes: number }>();
  private valueBytes = 0;
  /** The newest revision the watch announced per exact key: an older read is never kept. */
  private readonly latestRev = new Map<string, number>();
  private watcher: QueuedIterator<KvWatchEntry> | null = null;
  private mirrored = false;
  private init: Promise<void> | null = null;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    @Inject(CACHE_OPTIONS) private readonly opts: CacheOptions,
  ) {}

  onModuleInit(): Promise<void> {
    return this.ready();
  }

  /** Resolves once the bucket exists (other providers wait for it instead of relying on init order). */
  ready(): Promise<void> {
    return (this.init ??= this.open());
  }

  private async open(): Promise<void> {
    this.kv = await new Kvm(this.nc).create(CACHE_BUCKET, { ttl: this.opts.maxTtlS * 1000, history: 1, max_bytes: this.opts.maxBytes });
    await this.discardOldest();
    const empty = (await this.kv.status()).values === 0;
    this.watcher = await this.kv.watch({ key: 'e.>', headers_only: true });
    this.mirrored = empty;
    void this.mirror(this.watcher);
  }

  async onModuleDestroy(): Promise<void> {
    this.watcher?.stop();
  }

  /** A live entry, or null (absent, deleted, or past its own expiry). */
  async get(key: string, now = Date.now()): Promise<StoredEntry | null> {
    const ns = parseKey(key)?.ns ?? '';
    if (this.mirrored && !this.byNamespace.get(ns)?.has(key)) return null;
    const kept = this.values.get(key);
    if (kept) {
      this.values.delete(key); // most recently used: to the end
      this.values.set(key, kept);
      return kept.entry.expires_at > now ? kept.entry : null;
    }
    const entry = await this.kv.get(key);
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) {
      this.forget(key); // expired by the bucket's TTL: the watch sees no marker for that on 2.9
      return null;
    }
    const stored = decodeJson(entry.value) as StoredEntry;
    if (stored.expires_at <= now) return null;
    this.keep(key, entry.revision, stored, entry.value.length);
    return stored;
  }

  /** Writes an entry and returns the keys evicted to keep the namespace within `maxEntries`. */
  async put(key: string, entry: StoredEntry, maxEntries: number, now = Date.now()): Promise<string[]> {
    const ns = parseKey(key)!.ns;
    const keys = this.byNamespace.get(ns) ?? new Map<string, number>();
    this.byNamespace.set(ns, keys);
    const evicted: string[] = [];
    for (const [k, seen] of keys) {
      const overAge = seen + this.opts.maxTtlS * 1000 <= now;
      if (!overAge && keys.size - (keys.has(key) ? 1 : 0) < maxEntries) break;
      keys.delete(k);
      this.latestRev.delete(k);
      this.drop(k);
      if (!overAge) evicted.push(k);
    }
    const bytes = encodeJson(entry);
    const rev = await this.kv.put(key, bytes);
    this.keep(key, rev, entry, bytes.length);
    keys.delete(key);
    keys.set(key, now);
    await Promise.all(evicted.map((k) => this.kv.delete(k)));
    return evicted;
  }

  /** Entries of a namespace this replica knows of (for tests and health). */
  count(ns: string): number {
    return this.byNamespace.get(ns)?.size ?? 0;
  }

  private forget(key: string): void {
    const p = parseKey(key);
    if (p) this.byNamespace.get(p.ns)?.delete(key);
    this.latestRev.delete(key);
    this.drop(key);
  }

  /** Keeps a decoded entry, evicting the least recently used beyond the byte budget. */
  private keep(key: string, rev: number, entry: StoredEntry, bytes: number): void {
    this.drop(key);
    if (bytes > this.opts.valueCacheBytes || (this.latestRev.get(key) ?? 0) > rev) return;
    this.values.set(key, { rev, entry, bytes });
    this.valueBytes += bytes;
    for (const k of this.values.keys()) {
      if (this.valueBytes <= this.opts.valueCacheBytes) break;
      this.drop(k);
    }
  }

  private drop(key: string): void {
    const v = this.values.get(key);
    if (!v) return;
    this.values.delete(key);
    this.valueBytes -= v.bytes;
  }

  /** KV buckets refuse writes when full (discard new); a cache should drop its oldest instead. */
  private async discardOldest(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const name = `KV_${CACHE_BUCKET}`;
    const { config } = await jsm.streams.info(name);
    if (config.discard !== 'old') await jsm.streams.update(name, { ...config, discard: 'old' as never });
  }

  private async mirror(watcher: QueuedIterator<KvWatchEntry>): Promise<void> {
    for await (const e of watcher) {
      const p = parseKey(e.key);
      if (p) {
        const keys = this.byNamespace.get(p.ns) ?? new Map<string, number>();
        this.byNamespace.set(p.ns, keys);
        keys.delete(e.key);
        if (e.operation === 'PUT') keys.set(e.key, e.created.getTime());
        // Another revision (any replica's write) or a delete: the kept value is stale.
        if (e.operation !== 'PUT' || this.values.get(e.key)?.rev !== e.revision) this.drop(e.key);
        if (e.operation === 'PUT') this.latestRev.set(e.key, e.revision);
        else this.latestRev.delete(e.key);
      }
      // Until the watch delivered what existed at start (the last of those is the first `isUpdate`),
      // misses still ask the bucket.
      if (e.isUpdate) this.mirrored = true;
    }
  }
}
