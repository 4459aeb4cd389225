/**
 * A set of ids that forgets each id between `keepMs` and `keepMs` + one bucket after it was added:
 * ids live in a ring of sets, one per bucket of time, and a whole bucket is dropped at once. At
 * 1,500 requests/s an hour is millions of ids; one big Map would stall the event loop whenever it
 * rehashes (deleted entries fill it up), while a bucket is small and is never deleted from.
 */
export class RecentIds {
  private readonly buckets: { start: number; ids: Set<string> }[] = [];

  constructor(
    private readonly keepMs: number,
    private readonly bucketMs = Math.max(1, Math.ceil(keepMs / 12)),
  ) {}

  has(id: string): boolean {
    for (let i = this.buckets.length - 1; i >= 0; i--) if (this.buckets[i].ids.has(id)) return true;
    return false;
  }

  add(id: string, now: number): void {
    const last = this.buckets[this.buckets.length - 1];
    if (last && now < last.start + this.bucketMs) last.ids.add(id);
    else this.buckets.push({ start: now, ids: new Set([id]) });
  }

  /** Drops the buckets whose every id is older than `keepMs`. */
  prune(now: number): void {
    while (this.buckets.length > 0 && this.buckets[0].start + this.bucketMs <= now - this.keepMs) this.buckets.shift();
  }

  get size(): number {
    return this.buckets.reduce((n, b) => n + b.ids.size, 0);
  }
}
