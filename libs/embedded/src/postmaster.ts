import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inspectPid, isOrphan, killAndWait, type PidInfo } from './processes';

/** The first lines of `postmaster.pid`, as Postgres writes them (see miscadmin.h LOCK_FILE_LINE_*). */
export interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number | null;
}

export function parsePostmasterPid(text: string): PostmasterPid | null {
  const [pid, dataDir, , port] = text.split('\n');
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0 || !dataDir) return null;
  const p = Number(port);
  return { pid: n, dataDir, port: Number.isInteger(p) && p > 0 ? p : null };
}

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export const LeftoverAction = { None: 'none', RemovedStalePidFile: 'removed-stale-pid-file', StoppedOrphan: 'stopped-orphan' } as const;
export type LeftoverAction = (typeof LeftoverAction)[keyof typeof LeftoverAction];

/** Pure: what to do about a postmaster.pid, given what /proc says about its pid. */
export function decideLeftover(pidFile: PostmasterPid, info: PidInfo): LeftoverAction | 'in-use' {
  const isPostgres = info.alive && /\bpostgres\b/.test(info.cmdline);
  if (!isPostgres) return LeftoverAction.RemovedStalePidFile;
  return isOrphan(info) ? LeftoverAction.StoppedOrphan : 'in-use';
}

/**
 * Deals with what a SIGKILLed launcher leaves behind: Postgres keeps running (it is not killed
 * with its parent) and holds the data dir. An orphan is stopped (fast shutdown, ~100 ms) so we
 * start one we own; a pid file naming a dead or unrelated pid is removed, since Postgres refuses
 * to start when the pid was recycled by a live process. A Postgres whose parent still runs belongs
 * to another launcher: we refuse rather than pull the database from under it.
 */
export async function clearLeftoverPostmaster(dataDir: string): Promise<LeftoverAction> {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return LeftoverAction.None;
  const parsed = parsePostmasterPid(readFileSync(file, 'utf8'));
  if (!parsed || resolve(parsed.dataDir) !== resolve(dataDir)) {
    rmSync(file, { force: true });
    return LeftoverAction.RemovedStalePidFile;
  }
  const info = inspectPid(parsed.pid);
  const action = decideLeftover(parsed, info);
  if (action === 'in-use') {
    throw new DataDirInUseError(
      `${dataDir} is in use by Postgres pid ${parsed.pid} (port ${parsed.port ?? '?'}), started by the running process ${info.ppid}. ` +
        'Stop that launcher first, or use another data directory.',
    );
  }
  if (action === LeftoverAction.StoppedOrphan) await killAndWait(parsed.pid, 'SIGINT', 10_000);
  rmSync(file, { force: true });
  return action;
}
