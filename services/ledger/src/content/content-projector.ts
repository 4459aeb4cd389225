import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type ConsumerMessages, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Knex } from '@mikro-orm/postgresql';
import { Streams } from '@gatehouse/contracts';
import { decodeJson, ensureDurable, InjectNats } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { backoffMs, sleep } from '../database/backoff';
import { Database, errorMessage } from '../database/database';
import { LEDGER_LOGGER } from '../ledger.config';
import { LEDGER_SERVE, type LedgerServeOptions } from '../spend/serve-options';
import { toContentDecision } from './content-row';
import { applyForget, insertContent } from './content-store';

export const CONTENT_CONSUMER = 'ledger-content';
const STREAM = Streams.GH_CONTENT.name;

/**
 * Copies GH_CONTENT into `audit_content` (ciphertext only) and applies forget records. Order does
 * not matter here (each row is keyed by its request id, a forget marks by key name), so a plain
 * durable consumer with explicit acks does: a message is acked after its row is committed, a
 * failed write is nak'd with backoff and comes back.
 */
@Injectable()
export class ContentProjector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly stopping = new AbortController();
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> = Promise.resolve();
  private readonly log: Logger;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_SERVE) private readonly opts: LedgerServeOptions,
    @Inject(LEDGER_LOGGER) log: Logger,
  ) {
    this.log = log.child({ projection: CONTENT_CONSUMER });
  }

  onApplicationBootstrap(): void {
    if (this.opts.serve) this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.messages?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    const orm = await this.db.ready().catch(() => null);
    if (!orm) return;
    const knex = orm.em.getConnection().getKnex();
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        await ensureDurable(await jetstreamManager(this.nc), STREAM, CONTENT_CONSUMER);
        const consumer = await jetstream(this.nc).consumers.get(STREAM, CONTENT_CONSUMER);
        this.messages = await consumer.consume({ max_messages: 256 });
        if (this.stopping.signal.aborted) this.messages.stop();
        attempt = 0;
        for await (const m of this.messages) await this.apply(knex, m);
      } catch (err) {
        if (this.stopping.signal.aborted) return;
        const delay = backoffMs(attempt);
        this.log.warn({ err: errorMessage(err), retry_in_ms: delay }, 'content consumer failed; restarting');
        await sleep(delay, this.stopping.signal);
      }
    }
  }

  private async apply(knex: Knex, m: JsMsg): Promise<void> {
    let data: unknown;
    try {
      data = decodeJson(m.data);
    } catch {
      this.log.error({ seq: m.seq, subject: m.subject }, 'content event is not JSON; skipped');
      return m.ack();
    }
    const d = toContentDecision(m.subject, data, m.seq, new Date());
    try {
      if (d.kind === 'row') await insertContent(knex, d.row);
      else if (d.kind === 'forgotten') {
        const marked = await applyForget(knex, d.event);
        this.log.info({ event_id: d.event.event_id, keys: d.event.key_names.length, rows_marked: marked }, 'content forgotten');
      } else if (d.kind === 'skip') this.log.warn({ seq: m.seq, subject: m.subject, detail: d.detail }, 'content event skipped');
      m.ack();
    } catch (err) {
      const delay = backoffMs(m.info.deliveryCount);
      this.log.warn({ seq: m.seq, err: errorMessage(err), retry_in_ms: delay }, 'content not written; redelivering');
      m.nak(delay);
    }
  }
}
