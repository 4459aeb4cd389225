import { type BudgetReservation, earliestPeriodStart, partitionOf, scopeIdsOf } from '@gatehouse/contracts';
import { RecentIds } from './recent-ids';
import type { RequestEvent } from './request-event';
import { ScopeState } from './scope-state';

/** Codes with which a request was refused before it ran: it leaves the rate windows. */
const NEVER_RAN = new Set(['rate_limit_exceeded', 'budget_exceeded', 'service_unavailable', 'invalid_api_key', 'permission_denied']);

/**
 * The budget projection: every scope's spend, reservations and alerts, evolved from
 * `request.completed|failed` (GH_REQUEST) and `budget.*` (GH_BUDGET) events. Every replica keeps
 * all scopes, so a takeover needs no replay. A request id is charged once (duplicates within
 * `dedupeMs` of each other are no-ops; JetStream already drops those within 2 min).
 */
export class ScopeBook {
  readonly scopes = new Map<string, ScopeState>();
  private readonly charged: RecentIds;

  constructor(dedupeMs = 3_600_000) {
    this.charged = new RecentIds(dedupeMs);
  }

  scope(id: string): ScopeState {
    let s = this.scopes.get(id);
    if (!s) {
      s = new ScopeState(id);
      this.scopes.set(id, s);
    }
    return s;
  }

  /** Settles a finished request on every scope it counted against; returns the scopes charged (none for a duplicate). */
  applyRequest(e: RequestEvent, now: number): ScopeState[] {
    if (this.charged.has(e.request_id)) return [];
    this.charged.add(e.request_id, now);
    const at = Date.parse(e.occurred_at);
    const neverRan = e.error !== undefined && NEVER_RAN.has(e.error.code);
    const out: ScopeState[] = [];
    for (const id of scopeIdsOf(e)) {
      const s = this.scope(id);
      s.charge(at, e.cost.usd);
      s.release(e.request_id);
      if (neverRan) s.window.remove(e.request_id);
      else if (s.mayHaveRateLimits()) s.window.record(e.request_id, e.usage.total_tokens, at, now);
      out.push(s);
    }
    return out;
  }

  wasCharged(requestId: string): boolean {
    return this.charged.has(requestId);
  }

  applyReserved(r: BudgetReservation, seq: number): void {
    const s = this.scope(r.scope_id);
    s.lastReservedSeq = Math.max(s.lastReservedSeq, seq);
    if (this.charged.has(r.request_id)) return; // settled before its reservation was read
    if (s.reservations.has(r.request_id)) return s.markDurable(r.request_id);
    s.hold({ requestId: r.request_id, period: r.period, amountUsd: r.amount_usd, expiresAt: Date.parse(r.expires_at), durable: true });
  }

  applyReleased(scopeId: string, requestId: string): void {
    this.scopes.get(scopeId)?.release(requestId);
  }

  applyThreshold(scopeId: string, period: string, threshold: number): void {
    this.scope(scopeId).fired.add(`${period}|${threshold}`);
  }

  /** Reservations past their expiry (their holder crashed between reserve and settle). */
  *expired(now: number, partitions?: ReadonlySet<number>) {
    for (const s of this.scopes.values()) {
      // Most scopes hold nothing expired: skip them without walking their reservations.
      if (s.reservations.size === 0 || s.nextExpiry > now || (partitions && !partitions.has(partitionOf(s.id)))) continue;
      let next = Infinity;
      for (const r of s.reservations.values()) {
        if (r.expiresAt <= now) yield { scope: s, reservation: r };
        else next = Math.min(next, r.expiresAt);
      }
      s.nextExpiry = next;
    }
  }

  /** Forgets what no current period or dedupe check can need any more. */
  prune(now: number): void {
    this.charged.prune(now);
    const before = earliestPeriodStart(now);
    for (const s of this.scopes.values()) {
      s.prune(before);
      s.window.idle(now); // evicts what left the window, also for scopes nobody asks about
    }
  }
}
