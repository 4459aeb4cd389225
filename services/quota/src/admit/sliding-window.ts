/**
 * An exact sliding-window request counter: the start times of the last `limit` admitted requests
 * in a ring. A request is admitted when fewer than `limit` started within the past `windowMs`, so
 * no window of that length, wherever it falls, ever holds more than `limit` (a fixed-minute bucket
 * allows 2x across a boundary). O(1) per decision, 8 bytes per allowed request of memory.
 */
export class SlidingWindowLog {
  private readonly starts: Float64Array;
  private head = 0; // index of the oldest entry
  private size = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.starts = new Float64Array(limit);
  }

  /** Admits and records a request at `now`, or returns how long until one would be admitted. */
  tryAdmit(now: number): { admitted: boolean; remaining: number; resetMs: number } {
    this.evict(now);
    if (this.size >= this.limit) {
      return { admitted: false, remaining: 0, resetMs: this.starts[this.head] + this.windowMs - now };
    }
    this.starts[(this.head + this.size) % this.limit] = now;
    this.size++;
    return { admitted: true, remaining: this.limit - this.size, resetMs: this.starts[this.head] + this.windowMs - now };
  }

  /** True when the log holds nothing inside the window (it can be dropped). */
  idle(now: number): boolean {
    this.evict(now);
    return this.size === 0;
  }

  private evict(now: number): void {
    while (this.size > 0 && this.starts[this.head] <= now - this.windowMs) {
      this.head = (this.head + 1) % this.limit;
      this.size--;
    }
  }
}
