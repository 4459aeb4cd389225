import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, DEMO_CONFIG_PATH, type GatewayConfig, loadConfig, removeRuntimeFile, writeRuntimeFile } from '@gatehouse/config';
import { banner } from './banner';
import { type Backing, startBacking } from './backing';
import { buildPlan, httpPortFrom, PlanError, replicasFrom } from './plan';
import { Supervised } from './supervisor';

const note = (msg: string) => process.stderr.write(`[launcher] ${msg}\n`);
// A service that never says it is ready still lets the rest start, after this long.
const READY_TIMEOUT_MS = 15_000;

type State = { backing: Promise<Backing> | null; children: Supervised[]; stopping: boolean; dataDir?: string };

/** `npm start`: config check, NATS and Postgres when not given, the seven services, ordered shutdown. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const state: State = { backing: null, children: [], stopping: false };
  installSignals(state);

  let config: GatewayConfig;
  let replicas: ReturnType<typeof replicasFrom>;
  let httpPort: number;
  try {
    // Never start half-configured: a bad file is one clear message and exit 1.
    config = loadConfig(env.GATEHOUSE_CONFIG);
    replicas = replicasFrom(env);
    httpPort = httpPortFrom(env);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof PlanError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  for (const w of config.warnings) note(`config warning: ${w}`);

  const distRoot = env.GATEHOUSE_DIST_ROOT ?? resolve(__dirname, '../../..');
  const dataDir = resolve(env.GATEHOUSE_DATA_DIR ?? '.data');
  state.dataDir = dataDir;
  const logLevel = env.LOG_LEVEL ?? 'info';
  const draft = buildPlan(distRoot, { natsUrl: '', databaseUrl: '', configPath: config.source, logLevel }, replicas, httpPort);
  const missing = [...new Set(draft.map((p) => p.script))].filter((s) => !existsSync(s));
  if (missing.length) {
    process.stderr.write(`not built: ${missing.join(', ')}\nrun \`npm run build\` (npm start does it for you)\n`);
    process.exit(1);
  }

  state.backing = startBacking(env, dataDir, note);
  const backing = await state.backing;
  if (state.stopping) return; // a signal came while NATS/Postgres were starting: shutdown() stops them
  const metricsBase = env.GATEHOUSE_METRICS_PORT_BASE ? Number(env.GATEHOUSE_METRICS_PORT_BASE) : null;
  const plan = buildPlan(
    distRoot,
    { natsUrl: backing.natsUrl, databaseUrl: backing.databaseUrl, configPath: config.source, logLevel },
    replicas,
    httpPort,
    metricsBase,
  );
  const sinks = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`), note };
  state.children = plan.map((spec) => new Supervised(spec, sinks));
  const edge = state.children.filter((c) => c.spec.service === 'ingress');
  const core = state.children.filter((c) => c.spec.service !== 'ingress');
  await Promise.all(core.map((c) => c.start(READY_TIMEOUT_MS)));
  if (state.stopping) return;
  await Promise.all(edge.map((c) => c.start(READY_TIMEOUT_MS)));
  // "Gatehouse is up" only once every ingress worker listens: a slow machine may take longer than
  // the start timeout, and a banner before that would send the user to a refused connection.
  await Promise.all(edge.map((c) => c.whenReady()));
  if (state.stopping) return;

  // Only the shipped demo config's key is shown: a real config's keys are secrets, never printed.
  writeRuntimeFile(dataDir, { natsUrl: backing.natsUrl, httpPort, pid: process.pid });
  const demoKey = config.source === DEMO_CONFIG_PATH ? (config.gatehouse.keys[0]?.key ?? null) : null;
  process.stderr.write(
    `${banner({
      httpPort,
      ingressReplicas: replicas.ingress,
      demoKey,
      natsUrl: backing.natsUrl,
      natsEmbedded: backing.natsEmbedded,
      databaseUrl: backing.databaseUrl,
      databaseEmbedded: backing.databaseEmbedded,
      dataDir,
      configPath: config.source,
    })}\n`,
  );
}

/** First signal: ordered shutdown, exit 0. Second: kill everything now. */
function installSignals(state: State): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.stopping) {
      note(`${signal} again: killing everything`);
      state.children.forEach((c) => c.kill());
      void state.backing?.then((b) => b.kill(), () => undefined);
      setImmediate(() => process.exit(130)); // after the kill signals above went out
      return;
    }
    state.stopping = true;
    note(`${signal}: stopping (again to kill)`);
    shutdown(state).then(
      () => process.exit(0),
      (err: Error) => {
        note(`shutdown failed: ${err.message}`);
        process.exit(1);
      },
    );
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
}

async function shutdown(state: State): Promise<void> {
  // Ingress first, so no new request arrives at a service that is going away.
  await Promise.all(state.children.filter((c) => c.spec.service === 'ingress').map((c) => c.stop()));
  await Promise.all(state.children.filter((c) => c.spec.service !== 'ingress').map((c) => c.stop()));
  // Still starting? Let it finish so it can be stopped cleanly (a failed start cleaned up after itself).
  const backing = await state.backing?.catch(() => null);
  await backing?.stop();
  if (state.dataDir) removeRuntimeFile(state.dataDir);
  note('stopped');
}

if (require.main === module) {
  main().catch((err: Error) => {
    note(`failed to start: ${err.message}`);
    process.exit(1);
  });
}
