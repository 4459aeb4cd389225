import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { stopChild, waitForLog } from './child';
import { mkdirTraversable } from './data-dir';
import { inspectPid, isOrphan, killAndWait } from './processes';

export class NatsServerNotFoundError extends Error {
  override readonly name = 'NatsServerNotFoundError';
  constructor(looked: string[]) {
    super(
      'nats-server was not found (it is not on npm; looked at ' + looked.join(', ') + ' and PATH). ' +
        'Install it (Debian/Ubuntu: apt-get install nats-server), set NATS_SERVER_BIN to the binary, ' +
        'or set NATS_URL to a NATS server with JetStream that you run yourself.',
    );
  }
}

const OS_PATHS = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** NATS_SERVER_BIN, else the OS package (Debian installs /usr/sbin/nats-server), else PATH. */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env, osPaths: readonly string[] = OS_PATHS): string {
  const fixed = [env.NATS_SERVER_BIN, ...osPaths].filter(
    (c): c is string => !!c,
  );
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'nats-server'));
  for (const c of [...fixed, ...onPath]) if (isExecutable(c)) return c;
  throw new NatsServerNotFoundError(fixed);
}

export interface EmbeddedNats {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `nats-server -js` on 127.0.0.1:`port` with its JetStream store in `storeDir`, in its own
 * process group (a Ctrl-C goes to the launcher, which stops NATS after the services drained).
 * A nats-server left running on the same store by a SIGKILLed launcher is stopped first: two
 * servers must never share one store.
 */
export async function startEmbeddedNats(storeDir: string, port: number, binary = findNatsServer()): Promise<EmbeddedNats> {
  storeDir = resolve(storeDir);
  mkdirTraversable(storeDir);
  const pidFile = join(storeDir, 'nats-server.pid');
  await clearLeftoverNats(storeDir);
  const proc: ChildProcess = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir, '-P', pidFile], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    await waitForLog(proc, /Server is ready/, `nats-server on port ${port}`, 15_000);
  } catch (err) {
    await stopChild(proc, 'SIGKILL');
    throw err;
  }
  const onExit = () => proc.kill('SIGTERM');
  process.on('exit', onExit);
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    pid: proc.pid!,
    async stop() {
      process.off('exit', onExit);
      await stopChild(proc, 'SIGTERM', 10_000);
      rmSync(pidFile, { force: true });
    },
  };
}

/** Stops a nats-server a SIGKILLed launcher left running on `storeDir` (it holds the port and the store). */
export async function clearLeftoverNats(storeDir: string): Promise<void> {
  const pidFile = join(resolve(storeDir), 'nats-server.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0) {
    const info = inspectPid(pid);
    if (info.alive && info.cmdline.includes('nats-server')) {
      if (!isOrphan(info)) throw new Error(`${pidFile}: nats-server pid ${pid} still serves this store for the running process ${info.ppid}; stop that first.`);
      await killAndWait(pid, 'SIGTERM', 10_000);
    }
  }
  rmSync(pidFile, { force: true });
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
