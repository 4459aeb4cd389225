import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from '@gatehouse/telemetry';
import { Database, errorMessage } from '../database/database';
import { LEDGER_LOGGER } from '../ledger.config';
import { deleteExpiredContent } from '../content/content-store';
import { LEDGER_SERVE, type LedgerServeOptions } from '../spend/serve-options';

/**
 * Retention per team: the capture carried its team's `retention_days`, stored as `delete_after`;
 * this job deletes content past it at start and every `retentionIntervalMs`. Metadata (the audit
 * row, spend, the chain) is never touched. One ledger replica runs it (docs/adr/0010).
 */
@Injectable()
export class ContentRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    @Inject(LEDGER_SERVE) private readonly opts: LedgerServeOptions,
    @Inject(LEDGER_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.opts.serve || this.opts.retentionIntervalMs <= 0) return;
    this.db.ready().then(
      () => {
        this.running = this.sweep();
        this.timer = setInterval(() => (this.running = this.running.then(() => this.sweep())), this.opts.retentionIntervalMs);
        this.timer.unref();
      },
      () => undefined,
    );
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a failure (Postgres down) is logged and the next pass tries again. */
  async sweep(now = new Date()): Promise<void> {
    try {
      const orm = await this.db.ready();
      const deleted = await deleteExpiredContent(orm.em.getConnection().getKnex(), now);
      if (deleted > 0) this.log.info({ deleted }, 'content past its retention deleted');
    } catch (err) {
      this.log.warn({ err: errorMessage(err) }, 'content retention pass failed; will retry');
    }
  }
}
