import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { connectNats, ensureStreams, runAsProcess, servePing } from '@gatehouse/nats';
import { createLogger, enableProcessMetrics, startMetricsServer } from '@gatehouse/telemetry';
import { describeDatabase } from './database/orm-config';
import type { LedgerConfig } from './ledger.config';
import { LedgerModule } from './ledger.module';

export interface LedgerOptions {
  /** NATS server URL(s); NATS_URL when absent. */
  natsUrl?: string;
  /** Postgres URL; DATABASE_URL, else the local default. */
  databaseUrl?: string;
  batchSize?: number;
  batchWaitMs?: number;
}

export interface RunningLedger {
  close(): Promise<void>;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Starts the ledger. Resolves once NATS is connected and the projections are started; Postgres
 * may still be unreachable then (the ledger retries, and catches up from JetStream when it is back).
 */
export async function startLedger(opts: LedgerOptions = {}): Promise<RunningLedger> {
  const log = createLogger('ledger');
  const config: LedgerConfig = {
    databaseUrl: opts.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    batchSize: opts.batchSize ?? 500,
    batchWaitMs: opts.batchWaitMs ?? Number(process.env.GATEHOUSE_LEDGER_BATCH_WAIT_MS ?? 50),
  };
  const nc = await connectNats({ url: opts.natsUrl, name: `ledger-${process.pid}` });
  try {
    await ensureStreams(nc);
    const app = await NestFactory.createApplicationContext(LedgerModule.forRoot(nc, config, log), { logger: ['error', 'warn'] });
    log.info({ database: describeDatabase(config.databaseUrl) }, 'ledger started');
    enableProcessMetrics('ledger');
    const ping = servePing(nc, 'ledger', () => ({ ready: !nc.isClosed(), details: { database: describeDatabase(config.databaseUrl) } }));
    const metrics = process.env.METRICS_PORT ? await startMetricsServer(Number(process.env.METRICS_PORT), () => !nc.isClosed()) : null;
    let closing: Promise<void> | null = null;
    return {
      close: () =>
        (closing ??= (async () => {
          ping.unsubscribe();
          metrics?.close();
          await app.close();
          await nc.drain();
          log.info('ledger stopped');
        })()),
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}

if (require.main === module) runAsProcess('ledger', () => startLedger());
