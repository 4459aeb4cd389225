import { readFileSync } from 'node:fs';

/** What /proc says about a pid: enough to tell our own leftovers from someone else's process. */
export interface PidInfo {
  pid: number;
  alive: boolean;
  /** argv joined with spaces ('' when unreadable). */
  cmdline: string;
  ppid: number | null;
  /** The parent's command name (`node`, `systemd`, …), null when unknown. */
  parentComm: string | null;
}

/** True while `pid` runs. A zombie counts as gone: an orphan's exit is reaped by init, late. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user (Postgres runs as `postgres`).
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !/^[ZX]$/.test(parseState(readProc(`/proc/${pid}/stat`)) ?? '');
}

export function inspectPid(pid: number): PidInfo {
  const alive = isAlive(pid);
  const cmdline = readProc(`/proc/${pid}/cmdline`).split('\0').join(' ').trim();
  const ppid = alive ? parsePpid(readProc(`/proc/${pid}/stat`)) : null;
  const parentComm = ppid ? readProc(`/proc/${ppid}/comm`).trim() || null : null;
  return { pid, alive, cmdline, ppid, parentComm };
}

/**
 * A leftover is a process whose launcher is gone: reparented to init or a subreaper, i.e. its
 * parent is no longer a Node process (launchers and jest are Node).
 */
export function isOrphan(info: PidInfo): boolean {
  return info.ppid === 1 || info.parentComm !== 'node';
}

/** Field 3 of /proc/<pid>/stat: R, S, D, Z (zombie), X (dead), … */
export function parseState(stat: string): string | null {
  const end = stat.lastIndexOf(')');
  return end < 0 ? null : (stat.slice(end + 2).split(' ')[0] ?? null);
}

/** Field 4 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function parsePpid(stat: string): number | null {
  const end = stat.lastIndexOf(')');
  if (end < 0) return null;
  const ppid = Number(stat.slice(end + 2).split(' ')[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
}

/** Signals a pid we do not hold a ChildProcess for, and waits until it is gone. */
export async function killAndWait(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(20);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
