import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/** uid/gid of the `postgres` OS user, or null when there is none. */
export function postgresUser(): OsUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * mkdir -p that makes each directory it creates 0755 whatever the umask, so the `postgres` user
 * (which runs the server when we are root) can traverse them. Directories that already existed
 * are left alone: changing a user's permissions behind their back is not ours to do.
 */
export function mkdirTraversable(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    chmodSync(d, 0o755);
  }
  return missing;
}

export class DataDirUnreachableError extends Error {
  override readonly name = 'DataDirUnreachableError';
}

/**
 * Checks, as `user`, that `dir` can be reached and `binary` executed (one path component without
 * o+x, e.g. /root at 0700, is enough to break Postgres with an obscure error much later).
 * Returns the binary's `--version` line.
 */
export function checkReachableAs(user: OsUser, dir: string, binary: string): string {
  const r = spawnSync('/bin/sh', ['-c', 'cd "$1" && exec "$2" --version', 'sh', dir, binary], {
    uid: user.uid,
    gid: user.gid,
    encoding: 'utf8',
  });
  if (r.status === 0) return r.stdout.trim();
  throw new DataDirUnreachableError(
    `Postgres refuses to run as root, so it runs as the OS user "postgres" (uid ${user.uid}), and that user cannot ` +
      `reach ${dir} or ${binary}: ${(r.stderr || String(r.error ?? '')).trim()}\n` +
      'A parent directory is not traversable by other users (typically the checkout lives under /root, which is 0700). Either:\n' +
      '  - move the checkout somewhere other users can traverse (e.g. /srv/gatehouse or /home/<you>/...),\n' +
      '  - or allow traversal of each parent: chmod o+x <each parent directory>,\n' +
      '  - or run as a non-root user,\n' +
      '  - or set DATABASE_URL to a Postgres of your own (then no embedded one is started).',
  );
}

/** True when initdb has run there (PG_VERSION is written first and kept). */
export function isInitialised(dataDir: string): boolean {
  return existsSync(`${dataDir}/PG_VERSION`);
}

export function dataDirMajor(dataDir: string): string {
  return readFileSync(`${dataDir}/PG_VERSION`, 'utf8').trim();
}

export function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** `postgres (PostgreSQL) 18.1` → `18`. */
export function binaryMajor(versionLine: string): string | null {
  return /\(PostgreSQL\)\s+(\d+)/.exec(versionLine)?.[1] ?? null;
}
