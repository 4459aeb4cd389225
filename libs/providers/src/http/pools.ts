import { Pool } from 'undici';

export interface PoolOptions {
  /** Sockets per origin; null is unbounded (undici's default). */
  connections?: number | null;
  /** How long an idle socket is kept for reuse. */
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/**
 * One keep-alive undici `Pool` per origin, created on first use and reused by every call to that
 * origin: a TLS handshake per request would dominate a gateway's own overhead.
 */
export class PoolRegistry {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: PoolOptions = {}) {}

  /** The pool for `origin` (`https://api.openai.com`, `http://127.0.0.1:4010`). */
  get(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections ?? null,
        keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 30_000,
        keepAliveMaxTimeout: 10 * 60_000,
        connect: { timeout: this.options.connectTimeoutMs ?? 10_000 },
        // Deadlines are the caller's (ProviderCall), enforced by CallDeadline, not undici's defaults.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  get size(): number {
    return this.pools.size;
  }

  /** Closes every pool (in-flight requests are destroyed); the registry stays usable. */
  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.destroy()));
  }
}

/** The process-wide registry adapters use unless given their own. */
export const sharedPools = new PoolRegistry();
