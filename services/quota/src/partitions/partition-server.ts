import { Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { prettifyError } from 'zod';
import { admitSubject, GatehouseError, QuotaAdmitV2 } from '@gatehouse/contracts';
import { decodeJson, encodeJson, readContext, respondError } from '@gatehouse/nats';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { Metrics, startSpan, tracingEnabled } from '@gatehouse/telemetry';
import type { AdmissionService } from '../limits/admission.service';

/**
 * Serves `gh.rpc.quota.admit.v2.p<NN>` for the partitions this replica owns: a plain subscription
 * (no queue group: one owner), request validated by the contract, reply in plain JSON, errors in
 * the same headers as every other Gatehouse service. Thin: the admission service decides.
 */
export class PartitionServer {
  private readonly subs = new Map<number, Subscription>();
  private readonly log = new Logger('quota-partitions');

  constructor(
    private readonly nc: NatsConnection,
    private readonly admission: AdmissionService,
  ) {}

  /** Resolves once the server registered the subscription: only then is the partition served. */
  async serve(partition: number): Promise<void> {
    if (this.subs.has(partition)) return;
    this.subs.set(partition, this.nc.subscribe(admitSubject(partition), { callback: (_err, msg) => void this.handle(msg) }));
    await this.nc.flush();
  }

  /** Stops taking requests for the partition; those already received finish. */
  async unserve(partition: number): Promise<void> {
    const sub = this.subs.get(partition);
    this.subs.delete(partition);
    await sub?.drain();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subs.keys()].map((p) => this.unserve(p)));
  }

  private async handle(msg: Msg): Promise<void> {
    const t0 = performance.now();
    const traced = tracingEnabled()
      ? startSpan(`process ${msg.subject}`, SpanKind.SERVER, readContext(msg.headers).traceparent, { 'messaging.system': 'nats', 'messaging.destination.name': msg.subject })
      : null;
    let outcome = 'ok';
    try {
      const parsed = QuotaAdmitV2.request.safeParse(decodeJson(msg.data));
      if (!parsed.success) throw new GatehouseError('invalid_request', `Invalid ${QuotaAdmitV2.subject} request: ${prettifyError(parsed.error)}`);
      msg.respond(encodeJson(await this.admission.admit(parsed.data)));
    } catch (err) {
      outcome = err instanceof GatehouseError ? err.code : 'error';
      traced?.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      respondError(msg, err, this.log);
    } finally {
      Metrics.rpcServerDuration.observe({ subject: QuotaAdmitV2.subject, outcome }, (performance.now() - t0) / 1000);
      traced?.span.end();
    }
  }
}
