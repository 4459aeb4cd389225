import { connect, type NatsConnection } from '@nats-io/transport-node';
import { QUOTA_PARTITIONS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type QuotaOptions, startQuota } from '../../services/quota/src/main';

export type Quota = Awaited<ReturnType<typeof startQuota>>;

export interface QuotaCluster {
  nats: NatsServerHandle;
  /** A plain connection of the test's own. */
  nc: NatsConnection;
  /** Over `nc`, for admissions as ingress sends them. */
  rpc: RpcClient;
  /** Starts a quota replica on this server and tracks it until it is stopped or killed. */
  start(opts?: QuotaOptions): Promise<Quota>;
  /** Stops a replica gracefully (it hands its partitions over). */
  stop(q: Quota): Promise<void>;
  /** Kills a replica without a handover, as a crash would. */
  kill(q: Quota): Promise<void>;
  /** Every partition owned by exactly one running replica, and every running replica owns some. */
  ownedOnce(): boolean;
  /** Stops the replicas still running, then the connection and the server. */
  close(): Promise<void>;
}

/**
 * For a quota handover test file: before all its tests a private nats-server, a connection and an
 * RPC client (replicas come from `start`); after them, the replicas still running, the connection
 * and the server. The returned cluster is valid inside the tests.
 */
export function quotaClusterPerFile(): QuotaCluster {
  let current: QuotaCluster | undefined;
  beforeAll(async () => {
    current = await startQuotaCluster();
  }, 30_000);
  afterAll(() => current?.close(), 30_000);
  const get = () => {
    if (!current) throw new Error('quotaClusterPerFile: use it inside a test');
    return current;
  };
  return {
    get nats() { return get().nats; },
    get nc() { return get().nc; },
    get rpc() { return get().rpc; },
    start: (opts) => get().start(opts),
    stop: (q) => get().stop(q),
    kill: (q) => get().kill(q),
    ownedOnce: () => get().ownedOnce(),
    close: () => get().close(),
  };
}

/** A private nats-server, a connection and an RPC client; replicas come later from `start`. */
export async function startQuotaCluster(): Promise<QuotaCluster> {
  const nats = await startNatsServer();
  const nc = await connect({ servers: nats.url });
  const running: Quota[] = [];
  const untrack = (q: Quota) => void running.splice(running.indexOf(q), 1);
  return {
    nats,
    nc,
    rpc: new RpcClient(nc),
    async start(opts = {}) {
      const q = await startQuota({ ...opts, natsUrl: nats.url });
      running.push(q);
      return q;
    },
    async stop(q) {
      untrack(q);
      await q.close();
    },
    async kill(q) {
      untrack(q);
      await q.kill();
    },
    ownedOnce() {
      const all = running.flatMap((q) => [...q.engine.leases.owned]);
      return all.length === QUOTA_PARTITIONS && new Set(all).size === QUOTA_PARTITIONS && running.every((q) => q.engine.leases.owned.size > 0);
    },
    async close() {
      for (const q of running.splice(0)) await q.close();
      await nc.close();
      await nats.stop();
    },
  };
}
