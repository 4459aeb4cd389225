import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '@gatehouse/testing';

const ROOT = resolve(__dirname, '../..');

export interface LaunchedGateway {
  /** The one API port: every ingress replica is a cluster worker of the launcher, serving it. */
  port: number;
  /** The API port once per ingress replica (all equal: they share it), for tests written per replica. */
  ports: number[];
  natsUrl: string;
  launcher: ChildProcess;
  /** Everything the launcher and its services printed so far. */
  output(): string;
  /** PIDs of the running processes of one service (children of the launcher). */
  pids(service: string): number[];
  /** True once the process wrote its `<service> ready` line (the launcher relays it). */
  reportedReady(service: string, pid: number): boolean;
  stop(): Promise<number | null>;
}

/**
 * `npm start` as a user runs it: the built launcher (dist/) starting nats-server and every
 * service as its own process. Postgres is the test's database (DATABASE_URL); the launcher's
 * embedded Postgres has tests of its own.
 */
export async function launchGateway(opts: { configYaml: string; databaseUrl: string; replicas?: Record<string, number> }): Promise<LaunchedGateway> {
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.data', 'e2e-'));
  const configPath = join(dir, 'gateway.yaml');
  writeFileSync(configPath, opts.configYaml);
  const port = await freePort();
  const natsPort = await freePort();
  const replicas = opts.replicas ?? {};
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NATS_URL: '',
    GATEHOUSE_CONFIG: configPath,
    GATEHOUSE_DATA_DIR: dir,
    GATEHOUSE_NATS_PORT: String(natsPort),
    DATABASE_URL: opts.databaseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  delete env.NATS_URL;
  for (const [name, n] of Object.entries(replicas)) env[`GATEHOUSE_REPLICAS_${name.toUpperCase()}`] = String(n);
  const launcher = spawn(process.execPath, [join(ROOT, 'dist/services/launcher/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  launcher.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  launcher.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ingressReplicas = replicas.ingress ?? 1;
  const ports = Array.from({ length: ingressReplicas }, () => port);
  try {
    await waitFor(() => out.includes('Gatehouse is up') || launcher.exitCode !== null, 'the launcher banner', 60_000);
    if (launcher.exitCode !== null) throw new Error(`launcher exited ${launcher.exitCode}:\n${out}`);
  } catch (err) {
    launcher.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${out.slice(-4000)}`);
  }
  return {
    port,
    ports,
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    launcher,
    output: () => out,
    pids(service) {
      const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
      return ps
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter(([, ppid, ...args]) => Number(ppid) === launcher.pid && args.join(' ').includes(`services/${service}/src/main.js`))
        .map(([pid]) => Number(pid));
    },
    reportedReady(service, pid) {
      return out.split('\n').some((l) => {
        const json = l.slice(l.indexOf('{'));
        if (!json.startsWith('{')) return false;
        try {
          const rec = JSON.parse(json) as { pid?: unknown; msg?: unknown };
          return rec.pid === pid && rec.msg === `${service} ready`;
        } catch {
          return false;
        }
      });
    },
    async stop() {
      if (launcher.exitCode === null) {
        const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
        launcher.kill('SIGTERM');
        const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000).unref())]);
        if (code === null) launcher.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        return code;
      }
      rmSync(dir, { recursive: true, force: true });
      return launcher.exitCode;
    },
  };
}
