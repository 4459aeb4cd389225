export interface CacheOptions {
  /** The bucket's TTL (its stream's max_age): the longest any entry lives, whatever it asked for. */
  maxTtlS: number;
  /** The bucket's size bound; beyond it JetStream drops the oldest entries (discard old). */
  maxBytes: number;
}

export const CACHE_OPTIONS = Symbol('CACHE_OPTIONS');
export const defaultCacheOptions: CacheOptions = { maxTtlS: 24 * 3600, maxBytes: 1024 * 1024 * 1024 };
