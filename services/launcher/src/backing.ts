import { join } from 'node:path';
import { Client } from 'pg';
import {
  clearLeftoverNats, clearLeftoverPostmaster, preferPort, startEmbeddedNats, startEmbeddedPostgres,
} from '@gatehouse/embedded';

/** NATS and Postgres for the services: the user's (NATS_URL, DATABASE_URL) or embedded ones under dataDir. */
export interface Backing {
  natsUrl: string;
  natsEmbedded: boolean;
  databaseUrl: string;
  databaseEmbedded: boolean;
  /** Graceful: Postgres first (its clients are gone by then), then NATS. */
  stop(): Promise<void>;
  /** Immediate: Postgres immediate shutdown (SIGQUIT), nats-server SIGKILL. */
  kill(): void;
}

const DATABASE = 'gatehouse';

export async function startBacking(env: NodeJS.ProcessEnv, dataDir: string, note: (m: string) => void): Promise<Backing> {
  const stops: (() => Promise<void>)[] = [];
  const kills: (() => void)[] = [];
  const backing: Backing = {
    natsUrl: env.NATS_URL ?? '',
    natsEmbedded: !env.NATS_URL,
    databaseUrl: env.DATABASE_URL ?? '',
    databaseEmbedded: !env.DATABASE_URL,
    async stop() {
      for (const s of stops.splice(0).reverse()) await s().catch((e: Error) => note(`stop failed: ${e.message}`));
    },
    kill() {
      kills.forEach((k) => k());
    },
  };
  try {
    if (backing.natsEmbedded) {
      const store = join(dataDir, 'nats');
      await clearLeftoverNats(store); // frees the port a SIGKILLed launcher's server still holds
      const port = await preferPort(numberOr(env.GATEHOUSE_NATS_PORT, 4223));
      const nats = await startEmbeddedNats(store, port);
      stops.push(() => nats.stop());
      kills.push(() => killQuietly(nats.pid, 'SIGKILL'));
      backing.natsUrl = nats.url;
      note(`nats-server (JetStream) on ${nats.url}, store ${store}`);
    }
    if (backing.databaseEmbedded) {
      const dir = join(dataDir, 'postgres');
      await clearLeftoverPostmaster(dir);
      const port = await preferPort(numberOr(env.GATEHOUSE_POSTGRES_PORT, 5433));
      const pg = await startEmbeddedPostgres(dir, port);
      // Pushed last, stopped first: the reverse order below.
      stops.push(() => pg.stop());
      kills.push(() => killQuietly(pg.pid, 'SIGQUIT'));
      backing.databaseUrl = await ensureDatabase(pg.url, DATABASE);
      note(`Postgres on 127.0.0.1:${port}, data ${dir}`);
    }
  } catch (err) {
    await backing.stop();
    throw err;
  }
  return backing;
}

/** Creates `name` on the server if missing; returns its URL. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  } finally {
    await c.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function numberOr(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback;
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
}
