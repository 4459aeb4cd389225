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
const STREAM = Streams.GH_REQUEST.name;

/**
 * Projects GH_REQUEST into `audit_entries` through the durable pull consumer `ledger-audit`.
 * Messages are written in batches (up to `batchSize`, whatever has arrived once the client holds
 * no more, or at the latest after `batchWaitMs`) and acknowledged only after their transaction
 * committed. A failed write is retried, with backoff, until it succeeds or the ledger stops; the
 * messages stay un-acknowledged meanwhile (kept alive with `working()`), so nothing is lost.
 */
@Injectable()
export class AuditProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly stopping = new AbortController();
  private readonly log: Logger;
  private messages: ConsumerMessages | null = null;
  private buffer: JsMsg[] = [];
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
          this.buffer.push(m);
          // Group commit: write as soon as nothing more is buffered here; under load, messages pile
          // up client-side during a write and the next batch takes them all. The timer is a backstop.
          if (this.buffer.length >= this.config.batchSize || this.messages.getPending() === 0) await this.flush(orm);
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

  /** Queues everything buffered so far as one batch; resolves when it is written (or handed back). */
  private flush(orm: MikroORM): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writes = this.writes.then(() => this.write(orm, this.buffer.splice(0)));
    return this.writes;
  }

  private async write(orm: MikroORM, batch: JsMsg[]): Promise<void> {
    if (batch.length === 0) return;
    const rows: AuditRow[] = [];
    const rejected = new Set<JsMsg>();
    for (const m of batch) {
      const decision = decide(m);
      if (decision.kind === AuditDecision.row) rows.push(decision.row);
      else if (decision.kind === AuditDecision.invalid) {
        rejected.add(m);
        this.log.error({ seq: m.seq, subject: m.subject, detail: decision.detail }, 'invalid request event; not projected');
      } else this.log.warn({ seq: m.seq, subject: m.subject }, 'event type not projected by this ledger version');
    }
    const lastSeq = Math.max(...batch.map((m) => m.seq));
    for (let attempt = 0; ; attempt++) {
      try {
        const { inserted } = await writeAuditBatch(orm.em.fork(), rows, lastSeq);
        for (const m of batch) {
          if (rejected.has(m)) m.term('invalid request event');
          else m.ack();
        }
        this.reportDuplicates(rows, inserted);
        this.log.debug({ messages: batch.length, inserted: inserted.size, last_seq: lastSeq }, 'batch written');
        if (attempt > 0) this.log.info({ last_seq: lastSeq, attempts: attempt + 1 }, 'database back; batch written');
        return;
      } catch (err) {
        if (this.stopped) break;
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), messages: batch.length, retry_in_ms: delay }, 'audit batch not written; retrying');
        for (const m of batch) m.working(); // keep them ours while we wait: no redelivery storm
        await sleep(delay, this.stopping.signal);
      }
    }
    for (const m of batch) m.nak(); // stopping: the next ledger gets them at once
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

function decide(m: JsMsg): AuditDecision {
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
