import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Consumer, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Knex } from '@mikro-orm/postgresql';
import { Streams } from '@gatehouse/contracts';
import { backoffMs, ConsumerLoop, decodeJson, ensureDurable, InjectNats } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
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
  private readonly loop: ConsumerLoop;
  private readonly log: Logger;
  private knex: Knex | null = null;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_SERVE) private readonly opts: LedgerServeOptions,
    @Inject(LEDGER_LOGGER) log: Logger,
  ) {
    this.log = log.child({ projection: CONTENT_CONSUMER });
    this.loop = new ConsumerLoop({
      open: () => this.open(),
      maxMessages: 256,
      handle: async (messages) => {
        for await (const m of messages) await this.apply(this.knex!, m);
      },
      onError: (err, delay) => this.log.warn({ err: errorMessage(err), retry_in_ms: delay }, 'content consumer failed; restarting'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.opts.serve) this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  private async open(): Promise<Consumer> {
    this.knex ??= (await this.db.ready()).em.getConnection().getKnex();
    await ensureDurable(await jetstreamManager(this.nc), STREAM, CONTENT_CONSUMER);
    return jetstream(this.nc).consumers.get(STREAM, CONTENT_CONSUMER);
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
