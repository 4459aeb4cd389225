import { type BudgetPeriod as Period, hourOf, periodOf, type ScopeLimits } from '@gatehouse/contracts';
import { SlidingWindow } from '../limits/sliding-window';

/** One admitted request's hold on a scope: its slot (max_parallel) and its worst-case cost (0 on a scope without budget). */
export interface Reservation {
  requestId: string;
  period: string;
  amountUsd: number;
  expiresAt: number;
  /** On the scope's `budget.reserved` subject (else only in this replica's memory). */
  durable: boolean;
}

/**
 * Everything known about one scope: spend per UTC hour (every period is whole hours, so any
 * duration's spend is a sum of hours), open reservations, the rate window, fired alerts. Changed
 * only by `ScopeBook` (events) and the admission service (its own admissions).
 */
export class ScopeState {
  limits: ScopeLimits | null = null;
  label: string;
  readonly hourSpend = new Map<number, number>();
  readonly reservations = new Map<string, Reservation>();
  readonly reservedByPeriod = new Map<string, number>();
  readonly memReservedByPeriod = new Map<string, number>();
  readonly window = new SlidingWindow();
  readonly fired = new Set<string>();
  /**
   * Requests in flight on the scope: every open reservation, whoever admitted it. Those another
   * owner admitted are known from their `budget.reserved` events, so a new owner after a crash
   * or a handover starts from them (docs/adr/0005), not from 0.
   */
  parallel = 0;
  /** The in-flight requests known only to this replica's memory (not events): what a crash would hide. */
  memParallel = 0;
  /** Last stream sequence seen on this scope's `budget.reserved` subject (expected-last-subject-sequence). */
  lastReservedSeq = 0;
  /** No reservation expires before this (a lower bound: the expiry sweep skips the scope until then). */
  nextExpiry = Infinity;
  private periodCache: Period | null = null;
  private cache: { periodId: string; version: number; usd: number } | null = null;
  private version = 0;

  constructor(readonly id: string) {
    this.label = id;
  }

  period(now: number): Period {
    const duration = this.limits?.budget_duration ?? 'monthly';
    const c = this.periodCache;
    if (c && c.duration === duration && now >= c.startMs && now < c.endMs) return c;
    return (this.periodCache = periodOf(duration, now));
  }

  /** Whether the rate window must follow this scope's finished requests: unknown limits (never served here) or an rpm/tpm. */
  mayHaveRateLimits(): boolean {
    return this.limits === null || this.limits.rpm !== null || this.limits.tpm !== null;
  }

  /** Settled spend in a period: the sum of its hours. */
  spent(p: Period): number {
    if (this.cache && this.cache.periodId === p.id && this.cache.version === this.version) return this.cache.usd;
    const from = hourOf(p.startMs);
    const to = hourOf(p.endMs);
    let usd = 0;
    for (const [h, v] of this.hourSpend) if (h >= from && h < to) usd += v;
    this.cache = { periodId: p.id, version: this.version, usd };
    return usd;
  }

  reserved(periodId: string): number {
    return this.reservedByPeriod.get(periodId) ?? 0;
  }

  memReserved(periodId: string): number {
    return this.memReservedByPeriod.get(periodId) ?? 0;
  }

  charge(occurredAtMs: number, usd: number): void {
    if (usd <= 0) return;
    const h = hourOf(occurredAtMs);
    this.hourSpend.set(h, (this.hourSpend.get(h) ?? 0) + usd);
    this.version++;
  }

  hold(r: Reservation): void {
    if (this.reservations.has(r.requestId)) return;
    this.reservations.set(r.requestId, r);
    if (r.expiresAt < this.nextExpiry) this.nextExpiry = r.expiresAt;
    bump(this.reservedByPeriod, r.period, r.amountUsd);
    if (!r.durable) bump(this.memReservedByPeriod, r.period, r.amountUsd);
    this.parallel++;
    if (!r.durable) this.memParallel++;
  }

  markDurable(requestId: string): void {
    const r = this.reservations.get(requestId);
    if (!r || r.durable) return;
    r.durable = true;
    bump(this.memReservedByPeriod, r.period, -r.amountUsd);
    this.memParallel--;
  }

  release(requestId: string): Reservation | null {
    const r = this.reservations.get(requestId);
    if (!r) return null;
    this.reservations.delete(requestId);
    bump(this.reservedByPeriod, r.period, -r.amountUsd);
    if (!r.durable) bump(this.memReservedByPeriod, r.period, -r.amountUsd);
    this.parallel--;
    if (!r.durable) this.memParallel--;
    return r;
  }

  /** Drops hours older than `beforeMs` (outside every current period) and periods with nothing reserved. */
  prune(beforeMs: number): void {
    dropZeros(this.reservedByPeriod);
    dropZeros(this.memReservedByPeriod);
    const h0 = hourOf(beforeMs);
    for (const h of this.hourSpend.keys()) {
      if (h >= h0) continue;
      this.hourSpend.delete(h);
      this.version++; // only a real change invalidates the cached sum
    }
  }
}

/**
 * A period's sum back at zero stays in the map until `prune`: deleting and re-adding the key on
 * every request's hold and release made each scope's map reallocate its table over and over.
 */
function bump(m: Map<string, number>, k: string, by: number): void {
  if (by === 0) return;
  const v = (m.get(k) ?? 0) + by;
  m.set(k, Math.abs(v) < 1e-12 ? 0 : v);
}

function dropZeros(m: Map<string, number>): void {
  for (const [k, v] of m) if (v === 0) m.delete(k);
}
