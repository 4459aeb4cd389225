import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/** nats-server is not on npm: NATS_SERVER_BIN, else the OS package (Debian: /usr/sbin/nats-server), else PATH. */
export function natsServerBinary(): string {
  const candidates = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return 'nats-server';
}

export interface NatsServerHandle {
  url: string;
  port: number;
  storeDir: string;
  /** Stops the server (SIGTERM) and, unless `keepStore`, deletes its store. */
  stop(opts?: { keepStore?: boolean }): Promise<void>;
  /** Starts it again on the same port and store (after `stop({keepStore:true})`). */
  restart(): Promise<void>;
}

/**
 * Starts a private nats-server with JetStream on a random 127.0.0.1 port and a temp store, the
 * way nats.js's own tests do: each test file gets a server of its own, so stream names can stay
 * the real ones.
 */
export async function startNatsServer(opts: { storeDir?: string; port?: number } = {}): Promise<NatsServerHandle> {
  const port = opts.port ?? (await freePort());
  const storeDir = opts.storeDir ?? mkdtempSync(join(tmpdir(), 'gh-nats-'));
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn(natsServerBinary(), ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await waitReady(proc, port);
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async stop(o = {}) {
      await stopProcess(proc);
      proc = null;
      if (!o.keepStore) rmSync(storeDir, { recursive: true, force: true });
    },
    restart: start,
  };
}

function waitReady(proc: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`nats-server on ${port} not ready in 10 s:\n${log}`)), 10_000);
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start nats-server (${err.message}); install it (Debian: apt-get install nats-server) or set NATS_SERVER_BIN`));
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code}:\n${log}`));
    });
    proc.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Server is ready')) {
        clearTimeout(timer);
        proc.removeAllListeners('exit');
        proc.stderr!.removeAllListeners('data');
        proc.stderr!.resume();
        resolve();
      }
    });
  });
}

export function stopProcess(proc: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill(signal);
  });
}
