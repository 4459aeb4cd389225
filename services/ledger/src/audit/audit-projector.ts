import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Consumer, type ConsumerMessages, DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Knex } from '@mikro-orm/postgresql';
import { Streams } from '@gatehouse/contracts';
import { backoffMs, ConsumerLoop, decodeJson, InjectNats, sleep } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { type ChainHead, EMPTY_HEAD } from '@gatehouse/audit-chain';
import { Metrics } from '@gatehouse/telemetry';
import { Database, errorMessage } from '../database/database';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from '../ledger.config';
import { AuditDecision, type AuditRow, toAuditDecision } from './audit-row';
import { AUDIT_PROJECTION, readChainHead, readCheckpointKnex, writeAuditBatch } from './audit-store';
import { type Received, sealBatch } from './seal-batch';

/** A received message and what the projection makes of it. */
interface Pending {
  received: Received;
  decision: AuditDecision;
}
const STREAM = Streams.GH_REQUEST.name;

/** Another writer sealed the positions this ledger was about to seal: re-read the head and go on from there. */
class ChainConflictError extends Error {
  override readonly name = 'ChainConflictError';
}

/**
 * Projects GH_REQUEST into `audit_entries`, `spend_*` and the sealed `audit_chain` (docs/adr/0010).
 * The chain needs stream order, which a durable consumer does not keep across redeliveries, so
 * the durable cursor is the checkpoint committed with the rows: at start (and after any failure)
 * an ordered consumer opens at checkpoint + 1. Messages are written in batches (up to `batchSize`,
 * or `batchWaitMs` after a batch's first message); a failed write is retried with backoff until
 * it succeeds or the ledger stops, and nothing is read past an unwritten batch but one more batch.
 */
@Injectable()
export class AuditProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: ConsumerLoop;
  private readonly log: Logger;
  private knex: Knex | null = null;
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Batches are written one after another, in stream order. */
  private writes: Promise<void> = Promise.resolve();
  private head: ChainHead = EMPTY_HEAD;
  /** Bumped when the consumer restarts: batches of an older generation are dropped, not written. */
  private generation = 0;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(LEDGER_LOGGER) log: Logger,
  ) {
    this.log = log.child({ projection: AUDIT_PROJECTION });
    this.loop = new ConsumerLoop({
      open: () => this.open(),
      maxMessages: config.batchSize * 2,
      handle: (messages) => this.consume(messages),
      onError: (err, delay) => this.log.warn({ err: errorMessage(err), retry_in_ms: delay }, 'audit consumer failed; restarting'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.writes;
  }

  /** A run starts after the last batch that was written, at checkpoint + 1 with the chain head read back. */
  private async open(): Promise<Consumer> {
    const knex = (this.knex ??= (await this.db.ready()).em.getConnection().getKnex());
    await this.writes;
    this.generation++;
    // A timer armed by the previous generation must not flush this one's messages.
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.buffer = [];
    const checkpoint = await readCheckpointKnex(knex);
    this.head = await readChainHead(knex);
    this.log.info({ checkpoint, chain_position: this.head.position }, 'audit projection reading from checkpoint');
    return jetstream(this.nc).consumers.get(STREAM, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: checkpoint + 1 });
  }

  private async consume(messages: ConsumerMessages): Promise<void> {
    const generation = this.generation;
    for await (const m of messages) {
      if (this.loop.stopped || generation !== this.generation) break;
      // Decoded and validated once, on arrival: while the previous batch is being written.
      this.buffer.push(this.decide(m));
      Metrics.consumerPending.set({ stream: STREAM, consumer: AUDIT_PROJECTION }, m.info.pending);
      // Group commit: a batch is written when full or `batchWaitMs` after its first message.
      if (this.buffer.length >= this.config.batchSize) await this.flush(generation);
      else this.timer ??= setTimeout(() => void this.flush(generation), this.config.batchWaitMs);
    }
    if (!this.loop.stopped && generation === this.generation) await this.flush(generation);
  }

  /**
   * Queues everything buffered so far as one batch, behind the batches already queued. Resolves
   * when the batch before it is written: the caller may collect the next batch meanwhile, and
   * never gets more than one batch ahead of the database.
   */
  private flush(generation: number): Promise<void> {
    if (generation !== this.generation) return this.writes; // stale: the buffer is a newer generation's
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const previous = this.writes;
    const batch = this.buffer.splice(0);
    this.writes = previous.then(() => this.write(this.knex!, batch, generation));
    return previous;
  }

  private decide(m: JsMsg): Pending {
    let data: unknown;
    try {
      data = decodeJson(m.data);
    } catch (err) {
      this.log.error({ seq: m.seq, subject: m.subject, detail: errorMessage(err) }, 'request event is not JSON; neither projected nor sealed');
      return { received: { seq: m.seq, subject: m.subject, data: undefined }, decision: { kind: AuditDecision.invalid, subject: m.subject, detail: 'not JSON' } };
    }
    const decision = toAuditDecision({ subject: m.subject, seq: m.seq, data });
    if (decision.kind === AuditDecision.invalid) {
      this.log.error({ seq: m.seq, subject: m.subject, detail: decision.detail }, 'invalid request event; sealed, not projected');
    } else if (decision.kind === AuditDecision.unknownType) {
      this.log.warn({ seq: m.seq, subject: m.subject }, 'event type not projected by this ledger version; sealed');
    }
    return { received: { seq: m.seq, subject: m.subject, data }, decision };
  }

  private async write(knex: Knex, batch: readonly Pending[], generation: number): Promise<void> {
    if (batch.length === 0 || generation !== this.generation) return;
    const rows: AuditRow[] = [];
    let lastSeq = 0;
    for (const { received, decision } of batch) {
      if (decision.kind === AuditDecision.row) rows.push(decision.row);
      if (received.seq > lastSeq) lastSeq = received.seq;
    }
    const { seals, head } = sealBatch(this.head, batch.map((p) => p.received), { anchorEvery: this.config.anchorEvery, signer: this.config.signer, now: new Date() });
    for (let attempt = 0; !this.loop.stopped; attempt++) {
      try {
        const { inserted } = await writeAuditBatch(knex, rows, lastSeq, seals).catch((err: unknown) => {
          // The chain and its anchors are keyed by position: a conflict on either means these
          // positions are sealed already (a commit whose reply was lost, or a second writer).
          throw isUniqueViolation(err, 'audit_chain') || isUniqueViolation(err, 'audit_anchors') ? new ChainConflictError(errorMessage(err).split(' - ').pop()) : err;
        });
        this.head = head;
        this.reportDuplicates(rows, inserted);
        this.log.debug({ messages: batch.length, inserted: inserted.size, last_seq: lastSeq, chain_position: head.position }, 'batch written');
        if (attempt > 0) this.log.info({ last_seq: lastSeq, attempts: attempt + 1 }, 'database back; batch written');
        return;
      } catch (err) {
        if (err instanceof ChainConflictError) {
          // Either the batch did commit but the connection dropped before the reply, or another
          // ledger sealed these positions. Either way: restart from what is in the database.
          this.log.warn({ err: err.message }, 'audit chain positions already sealed (a write that committed unseen, or a second writer); resynchronising');
          this.generation++;
          this.loop.restart();
          return;
        }
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), messages: batch.length, retry_in_ms: delay }, 'audit batch not written; retrying');
        await sleep(delay, this.loop.signal);
      }
    }
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

function isUniqueViolation(err: unknown, table: string): boolean {
  const e = err as { code?: string; table?: string; constraint?: string } | null;
  return e?.code === '23505' && (e.table === table || (e.constraint ?? '').startsWith(table));
}
