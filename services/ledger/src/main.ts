import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { connectNats, ensureStreams, runAsProcess, serveLogLevel, servePing, trackConnected } from '@gatehouse/nats';
import { createLogger, enableProcessMetrics, startMetricsServer } from '@gatehouse/telemetry';
import { type AnchorSigner, loadSigner } from '@gatehouse/audit-chain';
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
  /** An anchor every N chain entries; GATEHOUSE_AUDIT_ANCHOR_EVERY, else 1000 (0: none). */
  anchorEvery?: number;
  /** Ed25519 private key (PEM) signing anchors; else the file GATEHOUSE_AUDIT_SIGNING_KEY_FILE, else unsigned. */
  signingKeyPem?: string;
  /** Answer pings and serve metrics (false for `gatehouse ledger rebuild`, which runs it in-process). */
  serve?: boolean;
  /** How often content past its retention is deleted; GATEHOUSE_CONTENT_RETENTION_INTERVAL_MS, else hourly. */
  retentionIntervalMs?: number;
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
    anchorEvery: opts.anchorEvery ?? Number(process.env.GATEHOUSE_AUDIT_ANCHOR_EVERY ?? 1000),
    signer: anchorSigner(opts.signingKeyPem),
  };
  const nc = await connectNats({ url: opts.natsUrl, name: `ledger-${process.pid}` });
  try {
    await ensureStreams(nc);
    const retentionIntervalMs = opts.retentionIntervalMs ?? Number(process.env.GATEHOUSE_CONTENT_RETENTION_INTERVAL_MS ?? 3_600_000);
    const app = await NestFactory.createApplicationContext(LedgerModule.forRoot(nc, config, log, { serve: opts.serve ?? true, retentionIntervalMs }), { logger: ['error', 'warn'] });
    log.info({ database: describeDatabase(config.databaseUrl) }, 'ledger started');
    enableProcessMetrics('ledger');
    const serve = opts.serve ?? true;
    const levelSubs = serve ? serveLogLevel(nc, 'ledger') : [];
    const connected = trackConnected(nc);
    const ping = serve ? servePing(nc, 'ledger', () => ({ ready: connected(), details: { database: describeDatabase(config.databaseUrl) } })) : null;
    const metrics = serve && process.env.METRICS_PORT ? await startMetricsServer(Number(process.env.METRICS_PORT), connected) : null;
    let closing: Promise<void> | null = null;
    return {
      close: () =>
        (closing ??= (async () => {
          ping?.unsubscribe();
          for (const s of levelSubs) s.unsubscribe();
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

function anchorSigner(pem: string | undefined): AnchorSigner | null {
  const file = process.env.GATEHOUSE_AUDIT_SIGNING_KEY_FILE;
  const text = pem ?? (file ? readFileSync(file, 'utf8') : null);
  return text ? loadSigner(text, process.env.GATEHOUSE_AUDIT_SIGNING_KEY_ID ?? 'ledger') : null;
}

if (require.main === module) runAsProcess('ledger', () => startLedger());
