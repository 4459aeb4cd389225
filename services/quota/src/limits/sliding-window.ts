/** The most entries a reset computation walks (see `resetMs`). */
const MAX_SCAN = 4096;
/** Capacity of a window's first buffers (allocated on its first entry: most scopes never get one). */
const MIN_CAPACITY = 16;

export interface WindowCheck {
  admitted: boolean;
  /** Which limit refused: `rpm` or `tpm`. */
  refusedBy: 'rpm' | 'tpm' | null;
  requestsRemaining: number | null;
  tokensRemaining: number | null;
  /** Ms until the requests (resp. tokens) window has room again. */
  requestsResetMs: number;
  tokensResetMs: number;
}

/**
 * An exact sliding window of requests and their tokens: every admitted request's start time and
 * token weight, oldest first. A request is admitted when, over the past `windowMs`, fewer than
 * `rpm` requests started and their tokens plus its own stay within `tpm`; no window of that length,
 * wherever it falls, holds more (a fixed-minute bucket allows 2x across a boundary). A request that
 * never ran (refused by another scope) is removed; a finished one's tokens become its actual usage.
 * A finished request this window never admitted (another replica did) is inserted at its start
 * time: every replica's windows follow the request events, so a new owner after a crash or a
 * handover starts from the last minute of finished requests, not from nothing (docs/adr/0005).
 *
 * Stored as a ring of typed arrays (start, tokens, live) and the ids, oldest at `head`, with a map
 * from id to the entry's position: no object per request. Entries live a minute, so per-request
 * objects outlived every scavenge and were promoted; the ring allocates only when it grows or
 * shrinks (docs/adr/0005, "Measured").
 */
export class SlidingWindow {
  private at = new Float64Array(0);
  private tok = new Float64Array(0);
  private live = new Uint8Array(0);
  private ids: (string | undefined)[] = [];
  private mask = -1;
  /** Physical index of the oldest entry; `size` entries (live or not) follow it. */
  private head = 0;
  private size = 0;
  /** Entries ever dropped from the front: an entry's position is `base` + its offset from the head. */
  private base = 0;
  /** Live entries only: id → position. */
  private readonly byId = new Map<string, number>();
  private count = 0;
  private tokens = 0;

  constructor(readonly windowMs = 60_000) {}

  check(rpm: number | null, tpm: number | null, tokens: number, now: number): WindowCheck {
    this.evict(now);
    const overRpm = rpm !== null && this.count + 1 > rpm;
    const overTpm = tpm !== null && this.tokens + tokens > tpm && this.count > 0;
    return {
      admitted: !overRpm && !overTpm,
      refusedBy: overRpm ? 'rpm' : overTpm ? 'tpm' : null,
      requestsRemaining: rpm === null ? null : Math.max(0, rpm - this.count - (overRpm || overTpm ? 0 : 1)),
      tokensRemaining: tpm === null ? null : Math.max(0, tpm - this.tokens - (overRpm || overTpm ? 0 : tokens)),
      requestsResetMs: this.resetMs(now, false, rpm === null ? 0 : Math.max(0, this.count + 1 - rpm)),
      tokensResetMs: this.resetMs(now, true, tpm === null ? 0 : Math.max(0, this.tokens + tokens - tpm)),
    };
  }

  add(id: string, tokens: number, now: number): void {
    this.insertAt(this.size, id, tokens, now);
  }

  /** The request never ran: it frees its slot. */
  remove(id: string): void {
    const pos = this.byId.get(id);
    if (pos === undefined) return;
    const p = this.phys(pos - this.base);
    this.live[p] = 0;
    this.count--;
    this.tokens -= this.tok[p];
    this.byId.delete(id);
  }

  /** The request finished: its estimate becomes its actual tokens. */
  settle(id: string, tokens: number): void {
    const pos = this.byId.get(id);
    if (pos === undefined) return;
    const p = this.phys(pos - this.base);
    this.tokens += tokens - this.tok[p];
    this.tok[p] = tokens;
  }

  /**
   * A finished request (from its event): settled when this window admitted it, else counted from
   * its start `at` if that is still inside the window. Kept in start order (events arrive in
   * finishing order, so the insertion point is found from the newest end, usually at once).
   */
  record(id: string, tokens: number, at: number, now: number): void {
    if (this.byId.has(id)) return this.settle(id, tokens);
    this.evict(now);
    if (at <= now - this.windowMs) return;
    let i = this.size;
    while (i > 0 && this.at[this.phys(i - 1)] > at) i--;
    this.insertAt(i, id, tokens, at);
  }

  idle(now: number): boolean {
    this.evict(now);
    return this.count === 0;
  }

  /** Entries held, live or not (tests, memory reports). */
  get length(): number {
    return this.size;
  }

  /**
   * Ms until enough of the oldest live entries leave the window to free `need` requests (or tokens
   * with `byTokens`); with nothing needed, until the oldest live one leaves. The walk is capped:
   * past `MAX_SCAN` entries it answers when the newest leaves (everything is free by then), a
   * later but true reset, so that a hot key refused by its tpm never costs a walk over a whole
   * minute of requests.
   */
  private resetMs(now: number, byTokens: boolean, need: number): number {
    const end = Math.min(this.size, MAX_SCAN);
    let freed = 0;
    for (let i = 0; i < end; i++) {
      const p = this.phys(i);
      if (need <= 0) {
        if (this.live[p] === 1) return Math.max(0, this.at[p] + this.windowMs - now);
      } else if (this.live[p] === 1 && (freed += byTokens ? this.tok[p] : 1) >= need) {
        return Math.max(0, this.at[p] + this.windowMs - now);
      }
    }
    return end < this.size ? Math.max(0, this.at[this.phys(this.size - 1)] + this.windowMs - now) : this.windowMs;
  }

  /** Inserts at offset `i` from the head, moving the newer entries one place up. */
  private insertAt(i: number, id: string, tokens: number, at: number): void {
    if (this.size === this.at.length) this.resize(Math.max(MIN_CAPACITY, this.at.length * 2));
    for (let j = this.size; j > i; j--) {
      const to = this.phys(j);
      const from = this.phys(j - 1);
      this.at[to] = this.at[from];
      this.tok[to] = this.tok[from];
      this.live[to] = this.live[from];
      this.ids[to] = this.ids[from];
      if (this.live[to] === 1) this.byId.set(this.ids[to]!, this.base + j);
    }
    const p = this.phys(i);
    this.at[p] = at;
    this.tok[p] = tokens;
    this.live[p] = 1;
    this.ids[p] = id;
    this.byId.set(id, this.base + i);
    this.size++;
    this.count++;
    this.tokens += tokens;
  }

  private evict(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.size > 0 && this.at[this.head] <= cutoff) {
      if (this.live[this.head] === 1) {
        this.count--;
        this.tokens -= this.tok[this.head];
        this.byId.delete(this.ids[this.head]!);
      }
      this.ids[this.head] = undefined;
      this.head = (this.head + 1) & this.mask;
      this.size--;
      this.base++;
    }
    // A burst's buffers are given back once the window is mostly empty again.
    if (this.at.length > MIN_CAPACITY && this.size * 4 <= this.at.length) this.resize(this.size === 0 ? 0 : this.at.length / 2);
  }

  /** New buffers of `capacity` (a power of two, or 0), the entries copied oldest first. */
  private resize(capacity: number): void {
    const at = new Float64Array(capacity);
    const tok = new Float64Array(capacity);
    const live = new Uint8Array(capacity);
    const ids: (string | undefined)[] = new Array<string | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.size; i++) {
      const p = this.phys(i);
      at[i] = this.at[p];
      tok[i] = this.tok[p];
      live[i] = this.live[p];
      ids[i] = this.ids[p];
    }
    this.at = at;
    this.tok = tok;
    this.live = live;
    this.ids = ids;
    this.mask = capacity - 1;
    this.head = 0;
  }

  private phys(offset: number): number {
    return (this.head + offset) & this.mask;
  }
}
