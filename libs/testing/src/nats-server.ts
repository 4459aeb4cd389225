import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedNats, startEmbeddedNats } from '@gatehouse/embedded';
import { freePort } from './ports';

export interface NatsServerHandle {
  url: string;
  port: number;
  storeDir: string;
  /** The server process, for benchmarks that measure its CPU. */
  readonly pid: number;
  /** Stops the server (SIGTERM) and, unless `keepStore`, deletes its store. */
  stop(opts?: { keepStore?: boolean }): Promise<void>;
  /** Starts it again on the same port and store (after `stop({keepStore:true})`). */
  restart(): Promise<void>;
}

/**
 * Starts a private nats-server with JetStream on a random 127.0.0.1 port and a temp store, the
 * way nats.js's own tests do: each test file gets a server of its own, so stream names can stay
 * the real ones. The process handling is the launcher's (libs/embedded).
 */
export async function startNatsServer(opts: { storeDir?: string; port?: number } = {}): Promise<NatsServerHandle> {
  const port = opts.port ?? (await freePort());
  const storeDir = opts.storeDir ?? mkdtempSync(join(tmpdir(), 'gh-nats-'));
  let server: EmbeddedNats | null = await startEmbeddedNats(storeDir, port);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    get pid() {
      return server?.pid ?? 0;
    },
    async stop(o = {}) {
      await server?.stop();
      server = null;
      if (!o.keepStore) rmSync(storeDir, { recursive: true, force: true });
    },
    async restart() {
      server = await startEmbeddedNats(storeDir, port);
    },
  };
}
