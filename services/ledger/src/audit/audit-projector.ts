import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type ConsumerMessages, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Streams } from '@gatehouse/contracts';
import { decodeJson, ensureDurable, InjectNats } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { backoffMs, sleep } from '../database/backoff';
import { Database, errorMessage } from '../database/database';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from '../ledger.config';
import { AuditDecision, type AuditRow, toAuditDecision } from './audit-row';
import { AUDIT_PROJECTION, readCheckpoint, writeAuditBatch } from './audit-store';

export const AUDIT_DURABLE = 'ledger-audit';

/** A received message and what the projection makes of it. */
interface Pending {
  msg: JsMsg;
  decision: AuditDecision;
}
const STREAM = Streams.GH_REQUEST.name;

/**
 * Projects GH_REQUEST into `audit_entries` through the durable pull consumer `ledger-audit`.
 * Messages are written in batches (up to `batchSize`, or `batchWaitMs` after a batch's first message)
 * and acknowledged only after their transaction
 * committed. A failed write is retried, with backoff, until it succeeds or the ledger stops; the
 * messages stay un-acknowledged meanwhile (kept alive with `working()`), so nothing is lost.
 */
@Injectable()
export class AuditProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly stopping = new AbortController();
  private readonly log: Logger;
  private messages: ConsumerMessages | null = null;
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Batches are written one after another, in stream order. */
  private writes: Promise<void> = Promise.resolve();
  private loop: Promise<void> = Promise.resolve();

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(LEDGER_LOGGER) log: Logger,
  ) {
    this.log = log.child({ projection: AUDIT_PROJECTION });
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.messages?.stop();
    await this.loop;
    await this.writes;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    const orm = await Promise.race([this.db.ready(), untilAborted(this.stopping.signal)]).catch(() => null);
    if (!orm || this.stopped) return;
    this.log.info({ checkpoint: await readCheckpoint(orm.em.fork()).catch(() => null) }, 'audit projection started');
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await ensureDurable(await jetstreamManager(this.nc), STREAM, AUDIT_DURABLE, 'gh.evt.request.>', 10_000);
        const consumer = await jetstream(this.nc).consumers.get(STREAM, AUDIT_DURABLE);
        this.messages = await consumer.consume({ max_messages: this.config.batchSize * 2 });
        if (this.stopped) this.messages.stop();
        attempt = 0;
        for await (const m of this.messages) {
          if (this.stopped) {
            m.nak(); // hand it straight to whoever consumes next
            continue;
          }
          // Decoded and validated once, on arrival: while the previous batch is being written.
          this.buffer.push({ msg: m, decision: this.decide(m) });
          // Group commit: a batch is written when full or `batchWaitMs` after its first message.
          // Audit rows may lag by that much; in exchange a trickle of requests costs a transaction
          // per batch instead of one per request (this shares the machine with the hot path).
          if (this.buffer.length >= this.config.batchSize) await this.flush(orm);
          else this.timer ??= setTimeout(() => void this.flush(orm), this.config.batchWaitMs);
        }
        await this.flush(orm);
      } catch (err) {
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), retry_in_ms: delay }, 'audit consumer failed; restarting');
        await sleep(delay, this.stopping.signal);
      }
    }
  }

  /**
   * Queues everything buffered so far as one batch, behind the batches already queued. Resolves
   * when the batch before it is written: the caller may collect the next batch meanwhile, and
   * never gets more than one batch ahead of the database.
   */
  private flush(orm: MikroORM): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const previous = this.writes;
    const batch = this.buffer.splice(0);
    this.writes = previous.then(() => this.write(orm, batch));
    return previous;
  }

  private decide(m: JsMsg): AuditDecision {
    const decision = toDecision(m);
    if (decision.kind === AuditDecision.invalid) {
      this.log.error({ seq: m.seq, subject: m.subject, detail: decision.detail }, 'invalid request event; not projected');
    } else if (decision.kind === AuditDecision.unknownType) {
      this.log.warn({ seq: m.seq, subject: m.subject }, 'event type not projected by this ledger version');
    }
    return decision;
  }

  private async write(orm: MikroORM, batch: readonly Pending[]): Promise<void> {
    if (batch.length === 0) return;
    const rows: AuditRow[] = [];
    let lastSeq = 0;
    for (const { msg, decision } of batch) {
      if (decision.kind === AuditDecision.row) rows.push(decision.row);
      if (msg.seq > lastSeq) lastSeq = msg.seq;
    }
    const knex = orm.em.getConnection().getKnex();
    for (let attempt = 0; ; attempt++) {
      try {
        const { inserted } = await writeAuditBatch(knex, rows, lastSeq);
        for (const { msg, decision } of batch) {
          if (decision.kind === AuditDecision.invalid) msg.term('invalid request event');
          else msg.ack();
        }
        this.reportDuplicates(rows, inserted);
        this.log.debug({ messages: batch.length, inserted: inserted.size, last_seq: lastSeq }, 'batch written');
        if (attempt > 0) this.log.info({ last_seq: lastSeq, attempts: attempt + 1 }, 'database back; batch written');
        return;
      } catch (err) {
        if (this.stopped) break;
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), messages: batch.length, retry_in_ms: delay }, 'audit batch not written; retrying');
        for (const { msg } of batch) msg.working(); // keep them ours while we wait: no redelivery storm
        await sleep(delay, this.stopping.signal);
      }
    }
    for (const { msg } of batch) msg.nak(); // stopping: the next ledger gets them at once
  }

  /** A redelivery is routine; the same request id at a new sequence means a producer published it twice. */
  private reportDuplicates(rows: readonly AuditRow[], inserted: ReadonlySet<string>): void {
    if (inserted.size === rows.length) return;
    const seen = new Set(inserted);
    for (const r of rows) {
      if (!seen.has(r.request_id)) this.log.info({ request_id: r.request_id, seq: r.stream_seq }, 'request already audited; ignored');
      seen.delete(r.request_id);
    }
  }
}

function toDecision(m: JsMsg): AuditDecision {
  let data: unknown;
  try {
    data = decodeJson(m.data);
  } catch (err) {
    return { kind: AuditDecision.invalid, subject: m.subject, detail: `not JSON: ${errorMessage(err)}` };
  }
  return toAuditDecision({ subject: m.subject, seq: m.seq, data });
}

function untilAborted(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener('abort', () => resolve(null), { once: true });
  });
}
