import type { Principal } from '@gatehouse/contracts';

/**
 * Recent identity decisions, keyed by the digest of the whole credential (two keys sharing a
 * prefix never share an entry). Entries live `ttlMs`; issue #4 makes revocation evict them at
 * once through identity's `key.*` events instead of waiting for the TTL.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(digest: string, now = Date.now()): Principal | null {
    const e = this.entries.get(digest);
    if (!e) return null;
    if (e.expires <= now) {
      this.entries.delete(digest);
      return null;
    }
    return e.principal;
  }

  set(digest: string, principal: Principal, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order): bounded memory under key spraying.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(digest, { principal, expires: now + this.ttlMs });
  }
}
