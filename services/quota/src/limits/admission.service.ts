import {
  BudgetReservedV1,
  GatehouseError,
  partitionOf,
  QuotaAdmitV2,
  type RateLimitStateV2,
  type RpcRequest,
  type RpcResponse,
} from '@gatehouse/contracts';
import type { BudgetProjection } from '../budget/budget-projection';
import { ReservationConflictError, type BudgetWriter } from '../events/budget-writer';
import { type Admission, type AdmitInput, decide } from './decide';

export interface AdmissionOptions {
  instanceId: string;
  headroomFraction: number;
  /** See `DecideOptions.parallelHeadroomFraction`. */
  parallelHeadroomFraction?: number;
  reservationTtlMs: number;
  now: () => number;
}

type AdmitRequest = RpcRequest<typeof QuotaAdmitV2>;

/**
 * Runs the decider for one partition's scopes and records what it admitted. Far from every budget
 * limit that is memory only (no I/O). Otherwise, one partition at a time, it decides again and
 * appends `budget.reserved` to each budget's subject with expected-last-subject-sequence; a
 * conflict (another owner wrote) undoes the admission, waits for that write to be read, and retries.
 */
export class AdmissionService {
  private readonly locks = new Map<number, Promise<unknown>>();

  constructor(
    private readonly projection: BudgetProjection,
    private readonly writer: BudgetWriter,
    private readonly opts: AdmissionOptions,
  ) {}

  async admit(req: AdmitRequest): Promise<RpcResponse<typeof QuotaAdmitV2>> {
    const inputs = this.inputs(req);
    const first = this.decideNow(req, inputs);
    if (!first.budgets.some((b) => b.durable)) {
      this.record(req, inputs, first);
      return ok(first.rateLimit);
    }
    return this.serialized(req.partition, () => this.admitDurably(req, inputs));
  }

  private async admitDurably(req: AdmitRequest, inputs: AdmitInput[]): Promise<RpcResponse<typeof QuotaAdmitV2>> {
    for (let attempt = 0; ; attempt++) {
      const d = this.decideNow(req, inputs);
      this.record(req, inputs, d);
      try {
        for (const b of d.budgets.filter((x) => x.durable)) await this.appendReservation(req, b.scopeId, b.period);
        return ok(d.rateLimit);
      } catch (err) {
        this.undo(req, inputs);
        if (!(err instanceof ReservationConflictError) || attempt >= 4) {
          throw new GatehouseError('service_unavailable', 'The quota service could not reserve the budget; retry.', { retryAfter: 1 }, { cause: err });
        }
        await this.projection.budget.reached(err.actualLastSeq ?? this.projection.budget.lastApplied + 1, 200);
      }
    }
  }

  private async appendReservation(req: AdmitRequest, scopeId: string, period: string): Promise<void> {
    const state = this.projection.book.scope(scopeId);
    const r = state.reservations.get(req.request_id)!;
    const now = this.opts.now();
    const { seq } = await this.writer.append(
      BudgetReservedV1,
      scopeId,
      {
        reservation_id: `${req.request_id}@${scopeId}`,
        request_id: req.request_id,
        scope_id: scopeId,
        period,
        amount_usd: r.amountUsd,
        expires_at: new Date(r.expiresAt).toISOString(),
        occurred_at: new Date(now).toISOString(),
        reserved_by: this.opts.instanceId,
      },
      state.lastReservedSeq,
    );
    state.lastReservedSeq = Math.max(state.lastReservedSeq, seq);
    state.markDurable(req.request_id);
  }

  /**
   * Appends this replica's memory-only reservations of a partition as events: a graceful handover
   * loses none, neither budget nor max_parallel slot (the $0 reservations of other scopes are not worth an event).
   */
  async flush(partition: number): Promise<void> {
    for (const s of this.projection.book.scopes.values()) {
      if (partitionOf(s.id) !== partition) continue;
      const slots = s.limits?.max_parallel != null;
      for (const r of [...s.reservations.values()]) {
        if (r.durable || (r.amountUsd === 0 && !slots)) continue;
        await this.writer.append(BudgetReservedV1, s.id, {
          reservation_id: `${r.requestId}@${s.id}`, request_id: r.requestId, scope_id: s.id, period: r.period, amount_usd: r.amountUsd,
          expires_at: new Date(r.expiresAt).toISOString(), occurred_at: new Date(this.opts.now()).toISOString(), reserved_by: this.opts.instanceId,
        });
        s.markDurable(r.requestId);
      }
    }
  }

  private inputs(req: AdmitRequest): AdmitInput[] {
    return req.scopes.map((scope) => {
      const state = this.projection.book.scope(scope.id);
      state.limits = scope.limits;
      state.label = scope.label;
      return { scope, state };
    });
  }

  private decideNow(req: AdmitRequest, inputs: AdmitInput[]): Admission {
    const d = decide(inputs, { tokens: req.estimate.tokens, costUsd: req.estimate.cost_usd }, this.opts.now(), { headroomFraction: this.opts.headroomFraction, parallelHeadroomFraction: this.opts.parallelHeadroomFraction });
    if (d.kind === 'refused') {
      throw new GatehouseError(d.code, d.message, { retryAfter: d.retryAfterS, headers: rateLimitHeaders(d.rateLimit) });
    }
    return d;
  }

  private record(req: AdmitRequest, inputs: AdmitInput[], d: Admission): void {
    const now = this.opts.now();
    const expiresAt = now + this.opts.reservationTtlMs;
    for (const { scope, state } of inputs) {
      if (scope.limits.rpm !== null || scope.limits.tpm !== null) state.window.add(req.request_id, req.estimate.tokens, now);
      const b = d.budgets.find((x) => x.scopeId === scope.id);
      const amountUsd = b && scope.limits.max_budget_usd !== null ? req.estimate.cost_usd : 0;
      state.hold({ requestId: req.request_id, period: b?.period ?? state.period(now).id, amountUsd, expiresAt, durable: false });
    }
  }

  private undo(req: AdmitRequest, inputs: AdmitInput[]): void {
    for (const { state } of inputs) {
      state.release(req.request_id);
      state.window.remove(req.request_id);
    }
  }

  private serialized<T>(partition: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(partition) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.locks.set(partition, tail);
    void tail.then(() => this.locks.get(partition) === tail && this.locks.delete(partition));
    return next;
  }
}

function ok(rateLimit: RateLimitStateV2): RpcResponse<typeof QuotaAdmitV2> {
  return { admitted: true, rate_limit: rateLimit };
}

/** Pure: OpenAI's `x-ratelimit-*` headers from a rate-limit state. */
export function rateLimitHeaders(s: RateLimitStateV2): Record<string, string> {
  const h: Record<string, string> = {};
  if (s.requests) {
    h['x-ratelimit-limit-requests'] = String(s.requests.limit);
    h['x-ratelimit-remaining-requests'] = String(s.requests.remaining);
    h['x-ratelimit-reset-requests'] = `${s.requests.reset_s}s`;
  }
  if (s.tokens) {
    h['x-ratelimit-limit-tokens'] = String(s.tokens.limit);
    h['x-ratelimit-remaining-tokens'] = String(s.tokens.remaining);
    h['x-ratelimit-reset-tokens'] = `${s.tokens.reset_s}s`;
  }
  return h;
}
