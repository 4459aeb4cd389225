import type { NatsConnection } from '@nats-io/transport-node';
import {
  BudgetReleasedV1,
  BudgetReservedV1,
  BudgetThresholdReachedV1,
  earliestPeriodStart,
  partitionOf,
  RequestCompletedV1,
  RequestFailedV1,
  Streams,
} from '@gatehouse/contracts';
import type { StoredEvent } from '@gatehouse/nats';
import type { AlertSender } from '../alerts/alert-sender';
import { EventFollower } from '../events/event-follower';
import { readRequestEvent } from './request-event';
import { ScopeBook } from './scope-book';

/**
 * Keeps the `ScopeBook` current: follows GH_REQUEST (spend, settlement) and GH_BUDGET
 * (reservations, releases, alerts) from the start of the earliest current budget period. Alerts
 * are checked for the partitions this replica owns, once it has caught up.
 */
export class BudgetProjection {
  readonly book: ScopeBook;
  readonly requests: EventFollower;
  readonly budget: EventFollower;
  private readonly stop = new AbortController();
  private since = new Date(0);
  private ready = false;

  constructor(
    nc: NatsConnection,
    private readonly now: () => number,
    private readonly owned: () => ReadonlySet<number>,
    private readonly alerts: AlertSender,
    onError: (err: unknown) => void,
  ) {
    this.book = new ScopeBook();
    this.requests = new EventFollower(nc, Streams.GH_REQUEST.name, (e) => this.onRequest(e), onError);
    this.budget = new EventFollower(nc, Streams.GH_BUDGET.name, (e) => this.onBudget(e), onError);
  }

  async start(): Promise<void> {
    this.since = new Date(earliestPeriodStart(this.now()));
    this.requests.start(this.since, this.stop.signal);
    this.budget.start(this.since, this.stop.signal);
    await this.caughtUp();
    this.ready = true;
  }

  /** Everything published so far is applied: safe to serve a partition. */
  async caughtUp(): Promise<void> {
    await Promise.all([this.requests.caughtUp(this.since), this.budget.caughtUp(this.since)]);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await Promise.all([this.requests.stopped(), this.budget.stopped()]);
  }

  private onRequest(e: StoredEvent): void {
    if (e.subject !== RequestCompletedV1.subject && e.subject !== RequestFailedV1.subject) return;
    const event = readRequestEvent(e.data);
    if (!event) return;
    const now = this.now();
    const charged = this.book.applyRequest(event, now);
    if (!this.ready || charged.length === 0) return;
    const owned = this.owned();
    for (const s of charged) if (owned.has(partitionOf(s.id))) this.alerts.check(s, now);
  }

  private onBudget(e: StoredEvent): void {
    if (e.subject.startsWith(`${BudgetReservedV1.subject}.`)) {
      const r = BudgetReservedV1.schema.safeParse(e.data);
      if (r.success) this.book.applyReserved(r.data, e.seq);
    } else if (e.subject.startsWith(`${BudgetReleasedV1.subject}.`)) {
      const r = BudgetReleasedV1.schema.safeParse(e.data);
      if (r.success) this.book.applyReleased(r.data.scope_id, r.data.request_id);
    } else if (e.subject.startsWith(`${BudgetThresholdReachedV1.subject}.`)) {
      const r = BudgetThresholdReachedV1.schema.safeParse(e.data);
      if (r.success) this.book.applyThreshold(r.data.scope_id, r.data.period, r.data.threshold);
    }
  }
}
