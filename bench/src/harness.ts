import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type Proc, spawnNode, stopAll } from './procs';

/** The build output (`dist/`), where the services a bench starts are. */
export const DIST = resolve(__dirname, '../..');

/**
 * Runs a benchmark's `main` as the whole process: exits 0 once it finished (a client's timers or
 * sockets must not keep a finished bench alive), or prints the error and exits 1.
 */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

export interface QuotaBench {
  nats: NatsServerHandle;
  /** The bench's own connection, for its load. */
  nc: NatsConnection;
  /** Replicas started and not yet taken out, in start order (a bench that stops one takes it out). */
  procs: Proc[];
  /** Starts one more quota replica (the built service, its own process) and resolves once it is ready. */
  startReplica(nodeArgs?: string[]): Promise<Proc>;
}

/**
 * A private nats-server, a gateway.yaml with one mock model and a connection to it, for `body` to
 * start quota replicas against; whatever happens, the connection, the replicas still in `procs`
 * and the server are stopped after it.
 */
export async function withQuotaBench(body: (bench: QuotaBench) => Promise<void>): Promise<void> {
  const nats = await startNatsServer();
  const procs: Proc[] = [];
  let nc: NatsConnection | null = null;
  try {
    const configPath = join(mkdtempSync(join(tmpdir(), 'gh-bench-quota-')), 'gateway.yaml');
    // QUOTA_PARALLEL_HEADROOM=0.05 measures crash-exact max_parallel slots (one event per admission).
    const parallel = process.env.QUOTA_PARALLEL_HEADROOM ? `gatehouse:\n  quota: { parallel_headroom_fraction: ${Number(process.env.QUOTA_PARALLEL_HEADROOM)} }\n` : '';
    writeFileSync(configPath, `model_list:\n  - { model_name: bench, litellm_params: { model: mock/mock-model } }\n${parallel}`);
    const env = { ...process.env, NATS_URL: nats.url, GATEHOUSE_CONFIG: configPath, LOG_LEVEL: 'warn' };
    let started = 0;
    const startReplica = async (nodeArgs: string[] = []) => {
      const { proc } = await spawnNode(`quota-${started++}`, join(DIST, 'services/quota/src/main.js'), [], env, /"quota ready"/, nodeArgs);
      procs.push(proc);
      return proc;
    };
    nc = await connect({ servers: nats.url, noAsyncTraces: true });
    await body({ nats, nc, procs, startReplica });
  } finally {
    await nc?.close();
    await stopAll(procs);
    await nats.stop();
  }
}
