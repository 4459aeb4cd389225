/** The most entries a reset computation walks (see `resetMs`). */
const MAX_SCAN = 4096;

interface Entry {
  id: string;
  at: number;
  tokens: number;
  live: boolean;
}

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
 */
export class SlidingWindow {
  private entries: Entry[] = [];
  private head = 0;
  private readonly byId = new Map<string, Entry>();
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
      requestsResetMs: this.resetMs(now, (e, acc) => acc + (e.live ? 1 : 0), rpm === null ? 0 : Math.max(0, this.count + 1 - rpm)),
      tokensResetMs: this.resetMs(now, (e, acc) => acc + (e.live ? e.tokens : 0), tpm === null ? 0 : Math.max(0, this.tokens + tokens - tpm)),
    };
  }

  add(id: string, tokens: number, now: number): void {
    const e: Entry = { id, at: now, tokens, live: true };
    this.entries.push(e);
    this.byId.set(id, e);
    this.count++;
    this.tokens += tokens;
  }

  /** The request never ran: it frees its slot. */
  remove(id: string): void {
    const e = this.byId.get(id);
    if (!e || !e.live) return;
    e.live = false;
    this.count--;
    this.tokens -= e.tokens;
    this.byId.delete(id);
  }

  /** The request finished: its estimate becomes its actual tokens. */
  settle(id: string, tokens: number): void {
    const e = this.byId.get(id);
    if (!e || !e.live) return;
    this.tokens += tokens - e.tokens;
    e.tokens = tokens;
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
    let i = this.entries.length;
    while (i > this.head && this.entries[i - 1].at > at) i--;
    const e: Entry = { id, at, tokens, live: true };
    if (i === this.entries.length) this.entries.push(e);
    else this.entries.splice(i, 0, e);
    this.count++;
    this.tokens += tokens;
  }

  idle(now: number): boolean {
    this.evict(now);
    return this.count === 0;
  }

  /** Ms until enough of the oldest live entries leave the window to free `need` (0 when nothing is needed). */
  /**
   * Ms until enough of the oldest live entries leave the window to free `need` (0 when nothing is
   * needed: until the oldest leaves). The walk is capped: past `MAX_SCAN` entries it answers when
   * the newest leaves (everything is free by then), a later but true reset, so that a hot key
   * refused by its tpm never costs a walk over a whole minute of requests.
   */
  private resetMs(now: number, add: (e: Entry, acc: number) => number, need: number): number {
    const end = Math.min(this.entries.length, this.head + MAX_SCAN);
    let freed = 0;
    for (let i = this.head; i < end; i++) {
      const e = this.entries[i];
      if (need <= 0 ? e.live : (freed = add(e, freed)) >= need) return Math.max(0, e.at + this.windowMs - now);
    }
    const newest = this.entries[this.entries.length - 1];
    return end < this.entries.length && newest ? Math.max(0, newest.at + this.windowMs - now) : this.windowMs;
  }

  private evict(now: number): void {
    while (this.head < this.entries.length && this.entries[this.head].at <= now - this.windowMs) {
      const e = this.entries[this.head++];
      if (e.live) {
        e.live = false;
        this.count--;
        this.tokens -= e.tokens;
        this.byId.delete(e.id);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
