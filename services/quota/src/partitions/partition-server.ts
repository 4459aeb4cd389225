import { Logger } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import { prettifyError } from 'zod';
import { admitSubject, GatehouseError, QuotaAdmitV2 } from '@gatehouse/contracts';
import { decodeJson, encodeJson, readContext, respondError } from '@gatehouse/nats';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { Metrics, startSpan, tracingEnabled } from '@gatehouse/telemetry';
import type { AdmissionService } from '../limits/admission.service';

/** One served partition: its subscription, the requests held while it is paused, the ones being decided. */
interface Served {
  sub: Subscription;
  /** Non-null while paused (a handover): requests received are held here, not decided. */
  held: Msg[] | null;
  inFlight: number;
  idle: (() => void)[];
}

/**
 * Serves `gh.rpc.quota.admit.v2.p<NN>` for the partitions this replica owns: request validated by
 * the contract, reply in plain JSON, errors in the same headers as every other Gatehouse service.
 * Thin: the admission service decides. The subscription is in the `quota` queue group so that,
 * during a handover, the outgoing and the incoming owner can both be subscribed and each request
 * still reaches only one of them; the outgoing one holds what it receives (`pause`) and passes it
 * on once it has unsubscribed (`handOff`), so no request meets a partition without a subscriber.
 */
export class PartitionServer {
  private readonly subs = new Map<number, Served>();
  private readonly log = new Logger('quota-partitions');

  constructor(
    private readonly nc: NatsConnection,
    private readonly admission: AdmissionService,
  ) {}

  /** Resolves once the server registered the subscription: only then is the partition served. */
  async serve(partition: number): Promise<void> {
    const existing = this.subs.get(partition);
    if (existing) return this.resume(partition);
    let served!: Served;
    const sub = this.nc.subscribe(admitSubject(partition), {
      queue: 'quota',
      callback: (_err, msg) => {
        if (served.held) served.held.push(msg);
        else void this.handle(served, msg);
      },
    });
    served = { sub, held: null, inFlight: 0, idle: [] };
    this.subs.set(partition, served);
    await this.nc.flush();
  }

  /** Stops deciding for the partition: new requests are held; resolves once the ones under way are answered. */
  async pause(partition: number): Promise<void> {
    const s = this.subs.get(partition);
    if (!s) return;
    s.held ??= [];
    if (s.inFlight > 0) await new Promise<void>((r) => s.idle.push(r));
  }

  /** Decides again, starting with the requests held meanwhile. */
  resume(partition: number): void {
    const s = this.subs.get(partition);
    if (!s?.held) return;
    const held = s.held;
    s.held = null;
    for (const m of held) void this.handle(s, m);
  }

  /**
   * Leaves the partition: unsubscribes (draining, so what the server already sent still arrives
   * and is held), then republishes every held request to the partition's subject with its
   * original reply inbox and headers: the new owner answers the caller directly.
   */
  async handOff(partition: number): Promise<void> {
    const s = this.subs.get(partition);
    if (!s) return;
    await this.pause(partition);
    await s.sub.drain();
    this.subs.delete(partition);
    for (const m of s.held ?? []) if (m.reply) this.nc.publish(m.subject, m.data, { reply: m.reply, headers: m.headers });
    await this.nc.flush();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subs.keys()].map((p) => this.handOff(p)));
  }

  get partitions(): number[] {
    return [...this.subs.keys()];
  }

  private async handle(served: Served, msg: Msg): Promise<void> {
    served.inFlight++;
    try {
      await this.decide(msg);
    } finally {
      if (--served.inFlight === 0) for (const r of served.idle.splice(0)) r();
    }
  }

  private async decide(msg: Msg): Promise<void> {
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
