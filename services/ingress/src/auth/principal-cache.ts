import type { Principal } from '@gatehouse/contracts';

/**
 * Recent identity decisions, keyed by the digest of the whole credential (two keys sharing a
 * prefix never share an entry). An entry lives `ttlMs` or until the credential expires
 * (`principal.expires_at`: key expiry, rotation grace, JWT `exp`), whichever comes first, so
 * expiry is checked on every request. Identity's invalidations evict entries at once.
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
    const until = principal.expires_at ? Date.parse(principal.expires_at) : Infinity;
    this.entries.set(digest, { principal, expires: Math.min(now + this.ttlMs, until) });
  }

  /** Drops every entry of these keys or teams (identity changed them). */
  evict(keyIds: readonly string[], teamIds: readonly string[]): number {
    if (!keyIds.length && !teamIds.length) return 0;
    const keys = new Set(keyIds);
    const teams = new Set(teamIds);
    let n = 0;
    for (const [digest, e] of this.entries) {
      if (keys.has(e.principal.key_id) || (e.principal.team_id !== null && teams.has(e.principal.team_id))) {
        this.entries.delete(digest);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
