import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Consumer, type ConsumerMessages, DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Knex } from '@mikro-orm/postgresql';
import { Streams } from '@gatehouse/contracts';
import { backoffMs, ConsumerLoop, decodeJson, InjectNats, sleep } from '@gatehouse/nats';
import { type Logger, Metrics } from '@gatehouse/telemetry';
import { readCheckpointKnex } from '../audit/audit-store';
import { Database, errorMessage } from '../database/database';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from '../ledger.config';
import { type BudgetEventRow, toBudgetDecision } from './budget-row';
import { BUDGET_PROJECTION, writeBudgetBatch } from './budget-store';

const STREAM = Streams.GH_BUDGET.name;

/**
 * Projects GH_BUDGET (reservations, releases, threshold alerts) into `budget_events` and
 * `budget_usage` (docs/adr/0010, "Budget usage"). Like the audit projection, its cursor is the
 * checkpoint committed with its rows and it reads with an ordered consumer from checkpoint + 1;
 * a batch is written when full or when nothing more is pending, and a failed write is retried
 * with backoff (nothing is read past it but what the consumer buffers). Rows are keyed by message
 * id, so writing a batch twice changes nothing.
 */
@Injectable()
export class BudgetProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: ConsumerLoop;
  private readonly log: Logger;
  private knex: Knex | null = null;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(LEDGER_LOGGER) log: Logger,
  ) {
    this.log = log.child({ projection: BUDGET_PROJECTION });
    this.loop = new ConsumerLoop({
      open: () => this.open(),
      maxMessages: config.batchSize * 2,
      handle: (messages) => this.consume(messages),
      onError: (err, delay) => this.log.warn({ err: errorMessage(err), retry_in_ms: delay }, 'budget consumer failed; restarting'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async open(): Promise<Consumer> {
    const knex = (this.knex ??= (await this.db.ready()).em.getConnection().getKnex());
    const checkpoint = await readCheckpointKnex(knex, BUDGET_PROJECTION);
    return jetstream(this.nc).consumers.get(STREAM, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: checkpoint + 1 });
  }

  private async consume(messages: ConsumerMessages): Promise<void> {
    let batch: JsMsg[] = [];
    for await (const m of messages) {
      batch.push(m);
      Metrics.consumerPending.set({ stream: STREAM, consumer: BUDGET_PROJECTION }, m.info.pending);
      if (batch.length < this.config.batchSize && m.info.pending > 0) continue;
      await this.write(this.knex!, batch);
      batch = [];
    }
  }

  /** Retries until written or stopping (then the batch is read again from the checkpoint next time). */
  private async write(knex: Knex, batch: readonly JsMsg[]): Promise<void> {
    const rows = batch.flatMap((m) => this.decide(m));
    const lastSeq = batch[batch.length - 1]!.seq;
    for (let attempt = 0; !this.loop.stopped; attempt++) {
      try {
        const inserted = await writeBudgetBatch(knex, rows, lastSeq);
        this.log.debug({ messages: batch.length, inserted, last_seq: lastSeq }, 'budget batch written');
        if (attempt > 0) this.log.info({ last_seq: lastSeq, attempts: attempt + 1 }, 'database back; budget batch written');
        return;
      } catch (err) {
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), messages: batch.length, retry_in_ms: delay }, 'budget batch not written; retrying');
        await sleep(delay, this.loop.signal);
      }
    }
  }

  private decide(m: JsMsg): BudgetEventRow[] {
    let data: unknown;
    try {
      data = decodeJson(m.data);
    } catch {
      this.log.error({ seq: m.seq, subject: m.subject }, 'budget event is not JSON; skipped');
      return [];
    }
    const d = toBudgetDecision(m.subject, data, m.seq);
    if (d.kind === 'row') return [d.row];
    this.log.warn({ seq: m.seq, subject: m.subject, detail: d.detail }, 'budget event skipped');
    return [];
  }
}
