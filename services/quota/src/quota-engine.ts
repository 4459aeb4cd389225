import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { createLogger } from '@gatehouse/telemetry';
import { BudgetReleasedV1, partitionOf, QUOTA_PARTITIONS } from '@gatehouse/contracts';
import { AlertSender } from './alerts/alert-sender';
import { BudgetProjection } from './budget/budget-projection';
import { BudgetWriter } from './events/budget-writer';
import { AdmissionService } from './limits/admission.service';
import { LeaseKeeper } from './partitions/lease-keeper';
import { PartitionServer } from './partitions/partition-server';

export interface QuotaEngineOptions {
  instanceId?: string;
  now?: () => number;
  leaseTtlMs?: number;
  leaseTickMs?: number;
  handoverTimeoutMs?: number;
  headroomFraction?: number;
  parallelHeadroomFraction?: number;
  reservationTtlMs?: number;
  alertThresholds?: readonly number[];
  alertWebhookUrl?: string | null;
  onError?: (err: unknown) => void;
}

/**
 * The composition root of partitioned quota (docs/adr/0005): the budget projection every replica
 * keeps, the leases that say which partitions this replica owns, the subscriptions that serve
 * them, and a sweeper that releases reservations whose holder crashed.
 */
export class QuotaEngine {
  readonly instanceId: string;
  readonly projection: BudgetProjection;
  readonly admission: AdmissionService;
  readonly leases: LeaseKeeper;
  private readonly server: PartitionServer;
  private readonly writer: BudgetWriter;
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | null = null;
  private state: 'starting' | 'ready' | 'closing' = 'starting';
  private readonly onError: (err: unknown) => void;

  constructor(nc: NatsConnection, opts: QuotaEngineOptions = {}) {
    this.instanceId = opts.instanceId ?? `quota-${randomBytes(4).toString('hex')}`;
    this.now = opts.now ?? Date.now;
    const log = createLogger('quota').child({ instance: this.instanceId });
    const onError = (this.onError = opts.onError ?? ((err: unknown) => log.error({ err }, 'quota engine error')));
    this.writer = new BudgetWriter(nc);
    const alerts = new AlertSender(this.writer, { thresholds: opts.alertThresholds ?? [0.8, 1], webhookUrl: opts.alertWebhookUrl ?? null, onError });
    this.projection = new BudgetProjection(nc, this.now, () => this.leases.owned, alerts, onError);
    this.admission = new AdmissionService(this.projection, this.writer, {
      instanceId: this.instanceId,
      headroomFraction: opts.headroomFraction ?? 0.05,
      parallelHeadroomFraction: opts.parallelHeadroomFraction ?? 1,
      reservationTtlMs: opts.reservationTtlMs ?? 900_000,
      now: this.now,
    });
    this.server = new PartitionServer(nc, this.admission);
    this.leases = new LeaseKeeper(
      nc,
      {
        instanceId: this.instanceId,
        partitions: QUOTA_PARTITIONS,
        ttlMs: opts.leaseTtlMs ?? 3_000,
        tickMs: opts.leaseTickMs ?? 500,
        handoverTimeoutMs: opts.handoverTimeoutMs ?? 1_000,
        now: Date.now,
      },
      {
        // The successor admits only once it applied every event, the outgoing owner's flush included.
        gained: async (p) => {
          await this.projection.caughtUp();
          await this.server.serve(p);
        },
        pause: async (p) => {
          await this.server.pause(p);
          await this.admission.flush(p);
        },
        resume: async (p) => this.server.resume(p),
        handedOff: (p) => this.server.handOff(p),
        // Fenced: stop deciding; what was reserved here is still worth telling the next owner.
        lost: async (p) => {
          await this.server.pause(p);
          await this.admission.flush(p).catch(onError);
          await this.server.handOff(p);
        },
        onError,
      },
    );
  }

  async start(): Promise<void> {
    await this.projection.start();
    await this.leases.start();
    this.sweeper = setInterval(() => void this.sweep().catch(this.onError), 1_000);
    if (this.state === 'starting') this.state = 'ready';
  }

  /** Caught up with the events and taking part in the leases; false again once it is leaving. */
  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Spend settled in the scope's current period (for reports and tests). */
  spent(scopeId: string): number {
    const s = this.projection.book.scopes.get(scopeId);
    return s ? s.spent(s.period(this.now())) : 0;
  }

  /** Graceful: hands every partition over with its reservations, then stops following. */
  async close(): Promise<void> {
    this.state = 'closing';
    if (this.sweeper) clearInterval(this.sweeper);
    await this.leases.stop();
    await this.server.close();
    await this.projection.close();
  }

  /** Stops timers only, leaving leases to expire: what a crash looks like to the others (tests). */
  abandon(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.leases.abandon();
  }

  /** Releases reservations past their expiry; the owner records it as `budget.released`. */
  private async sweep(): Promise<void> {
    const now = this.now();
    const owned = this.leases.owned;
    for (const { scope, reservation } of [...this.projection.book.expired(now)]) {
      scope.release(reservation.requestId);
      if (!reservation.durable || !owned.has(partitionOf(scope.id))) continue;
      await this.writer.append(BudgetReleasedV1, scope.id, {
        release_id: `${reservation.requestId}@${scope.id}#released`, reservation_id: `${reservation.requestId}@${scope.id}`, request_id: reservation.requestId, scope_id: scope.id,
        period: reservation.period, reason: 'expired', occurred_at: new Date(now).toISOString(),
      });
    }
    this.projection.book.prune(now);
  }
}
