import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@gatehouse/telemetry';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from '../ledger.config';
import { backoffMs, sleep } from '@gatehouse/nats';
import { describeDatabase, ormConfig } from './orm-config';

export class DatabaseClosedError extends Error {
  override readonly name = 'DatabaseClosedError';
  constructor() {
    super('the ledger is shutting down');
  }
}

/**
 * The ledger's MikroORM. Postgres may be down (or the database not created yet) when the ledger
 * starts: it keeps trying, with backoff, to connect and run the migrations, and `ready()` resolves
 * once both succeeded. Events wait in JetStream meanwhile, so nothing is lost.
 */
@Injectable()
export class Database implements OnModuleInit, OnApplicationShutdown {
  private orm: MikroORM | null = null;
  private readonly closing = new AbortController();
  private readonly readyPromise: Promise<MikroORM>;
  private resolveReady!: (orm: MikroORM) => void;
  private rejectReady!: (err: Error) => void;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(LEDGER_LOGGER) private readonly log: Logger,
  ) {
    this.readyPromise = new Promise<MikroORM>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.readyPromise.catch(() => undefined); // nobody may be waiting when we close
  }

  /** The ORM, once connected and migrated; rejects with DatabaseClosedError on shutdown. */
  ready(): Promise<MikroORM> {
    return this.readyPromise;
  }

  async onModuleInit(): Promise<void> {
    this.orm = await MikroORM.init(ormConfig(this.config.databaseUrl, this.log));
    void this.connectWithRetry(this.orm);
  }

  private async connectWithRetry(orm: MikroORM): Promise<void> {
    const where = describeDatabase(this.config.databaseUrl);
    for (let attempt = 0; !this.closing.signal.aborted; attempt++) {
      try {
        if (attempt === 0) await orm.connect();
        const check = await orm.checkConnection();
        if (!check.ok) throw check.error ?? new Error(check.reason);
        const applied = await orm.getMigrator().up();
        this.log.info({ database: where, migrations_applied: applied.map((m) => m.name) }, 'database ready');
        this.resolveReady(orm);
        return;
      } catch (err) {
        const delay = backoffMs(attempt, 250, 5_000);
        this.log.warn({ database: where, err: errorMessage(err), retry_in_ms: delay }, 'database unavailable; retrying');
        await sleep(delay, this.closing.signal);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing.abort();
    this.rejectReady(new DatabaseClosedError());
    await this.orm?.close(true);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
