export interface CacheOptions {
  /** The bucket's TTL (its stream's max_age): the longest any entry lives, whatever it asked for. */
  maxTtlS: number;
  /** The bucket's size bound; beyond it JetStream drops the oldest entries (discard old). */
  maxBytes: number;
  /** Bytes of decoded entries each replica keeps in memory for hot hits (an LRU). */
  valueCacheBytes: number;
}

export const CACHE_OPTIONS = Symbol('CACHE_OPTIONS');
export const defaultCacheOptions: CacheOptions = { maxTtlS: 24 * 3600, maxBytes: 1024 * 1024 * 1024, valueCacheBytes: 64 * 1024 * 1024 };
