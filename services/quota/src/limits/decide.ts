import type { QuotaScope, RateLimitStateV2, WindowState } from '@gatehouse/contracts';
import type { ScopeState } from '../budget/scope-state';

export interface AdmitInput {
  scope: QuotaScope;
  state: ScopeState;
}

export interface DecideOptions {
  /** Share of a budget this replica may hold in reservations that exist only in its memory. */
  headroomFraction: number;
  /**
   * The same for max_parallel slots; 1 (the default): every slot in memory, no event per admission
   * (a graceful handover still flushes them; after a crash a new owner may admit up to the crashed
   * owner's in-flight requests extra until they settle). Lower buys crash-exact slots for one
   * JetStream append per admission (bench/RESULTS.md, ADR 0005).
   */
  parallelHeadroomFraction?: number;
}

export type Refusal = {
  kind: 'refused';
  code: 'rate_limit_exceeded' | 'budget_exceeded';
  message: string;
  retryAfterS: number;
  rateLimit: RateLimitStateV2;
};

export type Admission = {
  kind: 'admitted';
  rateLimit: RateLimitStateV2;
  /** Per scope with a budget or a max_parallel: the period and whether the reservation must be appended as an event first. */
  budgets: { scopeId: string; period: string; durable: boolean }[];
};

/**
 * Pure (time passed in): may a request with this worst-case estimate start now on these scopes?
 * Checks max_parallel, the sliding rpm/tpm windows and the budget (spent + reserved + estimate ≤
 * max_budget, per period). Far from a budget's limit a reservation lives in memory; once this
 * replica's memory-only reservations would exceed `headroomFraction` of the budget it must be
 * appended as a `budget.reserved` event (docs/adr/0005 derives the overspend bound from this).
 * The same rule holds a max_parallel slot, with its own fraction: in memory while this replica's
 * memory-only in-flight requests stay within `parallelHeadroomFraction` × max_parallel, else an
 * event (of $0 on a scope without budget), which is what a new owner rebuilds in-flight counts from.
 */
export function decide(inputs: readonly AdmitInput[], estimate: { tokens: number; costUsd: number }, now: number, opts: DecideOptions): Admission | Refusal {
  let requests: WindowState | null = null;
  let tokens: WindowState | null = null;
  const budgets: Admission['budgets'] = [];
  for (const { scope, state } of inputs) {
    const l = scope.limits;
    if (l.max_parallel !== null && state.parallel >= l.max_parallel) {
      return refuse('rate_limit_exceeded', `Parallel request limit of ${scope.label} reached: ${l.max_parallel} at a time. Retry when one finishes.`, 1, requests, tokens);
    }
    if (l.rpm !== null || l.tpm !== null) {
      const w = state.window.check(l.rpm, l.tpm, estimate.tokens, now);
      const req = l.rpm === null ? null : { limit: l.rpm, remaining: w.requestsRemaining ?? 0, reset_s: seconds(w.requestsResetMs) };
      const tok = l.tpm === null ? null : { limit: l.tpm, remaining: w.tokensRemaining ?? 0, reset_s: seconds(w.tokensResetMs) };
      requests = tighter(requests, req);
      tokens = tighter(tokens, tok);
      if (!w.admitted) {
        const [what, resetMs] = w.refusedBy === 'rpm' ? [`${l.rpm} requests per minute`, w.requestsResetMs] : [`${l.tpm} tokens per minute`, w.tokensResetMs];
        const s = seconds(resetMs);
        return refuse('rate_limit_exceeded', `Rate limit of ${scope.label} reached: ${what}. Resets in ${s} s.`, s, requests, tokens);
      }
    }
    let hold: Admission['budgets'][number] | null = null;
    if (l.max_budget_usd !== null) {
      const p = state.period(now);
      const committed = state.spent(p) + state.reserved(p.id);
      if (committed + estimate.costUsd > l.max_budget_usd) {
        const s = seconds(p.endMs - now);
        return refuse(
          'budget_exceeded',
          `Budget of ${scope.label} exceeded: $${usd(committed)} of $${usd(l.max_budget_usd)} spent or reserved this period, this request may cost up to $${usd(estimate.costUsd)}. Resets at ${new Date(p.endMs).toISOString()} (in ${s} s).`,
          s, requests, tokens,
        );
      }
      const durable = state.memReserved(p.id) + estimate.costUsd > l.max_budget_usd * opts.headroomFraction;
      hold = { scopeId: scope.id, period: p.id, durable };
    }
    if (l.max_parallel !== null && state.memParallel + 1 > l.max_parallel * (opts.parallelHeadroomFraction ?? 1)) {
      hold = { scopeId: scope.id, period: hold?.period ?? state.period(now).id, durable: true };
    }
    if (hold) budgets.push(hold);
  }
  return { kind: 'admitted', rateLimit: { requests, tokens }, budgets };
}

function refuse(code: Refusal['code'], message: string, retryAfterS: number, requests: WindowState | null, tokens: WindowState | null): Refusal {
  return { kind: 'refused', code, message, retryAfterS: Math.max(1, retryAfterS), rateLimit: { requests, tokens } };
}

/** The state with the least room left: what the client's headers should show. */
function tighter(a: WindowState | null, b: WindowState | null): WindowState | null {
  if (!a) return b;
  if (!b) return a;
  return b.remaining < a.remaining ? b : a;
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
const usd = (v: number) => (v >= 1 ? v.toFixed(2) : v.toPrecision(3));
