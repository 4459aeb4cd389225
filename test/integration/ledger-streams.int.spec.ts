import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ContentCapturedV1, RequestCompletedV1, Streams, type StreamSpec } from '@gatehouse/contracts';
import { findNatsServer, stopChild } from '@gatehouse/embedded';
import { connectNats, encodeJson, ensureStreams, EventPublisher } from '@gatehouse/nats';
import { createTestDatabase, freePort, startNatsServer, waitFor } from '@gatehouse/testing';
import { startLedger } from '../../services/ledger/src/main';
import { completed, sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';
const NS = 1_000_000; // JetStream durations are nanoseconds

/**
 * Issue #7: the streams are what contracts/streams.ts and contracts/README.md say — retention
 * limits, file storage, the configured replicas (1 on one server, 3 on a cluster), the duplicate
 * window, kept or aged as declared — and the ledger's durable consumer catches up after a stop.
 */
describe('JetStream streams and consumers (real nats-server)', () => {
  it('creates every stream as declared, idempotently, and drops a republish inside the duplicate window', async () => {
    const nats = await startNatsServer();
    const nc = await connectNats({ url: nats.url, name: 'streams-int' });
    try {
      await ensureStreams(nc, 1);
      await ensureStreams(nc, 1); // a second service starting: an update, not an error
      const jsm = await jetstreamManager(nc);
      for (const spec of Object.values(Streams) as StreamSpec[]) {
        const { config } = await jsm.streams.info(spec.name);
        expect({ name: config.name, subjects: config.subjects, retention: config.retention, storage: config.storage, replicas: config.num_replicas, max_age: config.max_age, duplicate_window: config.duplicate_window }).toEqual({
          name: spec.name, subjects: [...spec.subjects], retention: RetentionPolicy.Limits, storage: StorageType.File, replicas: 1,
          max_age: spec.maxAgeMs * NS, duplicate_window: spec.duplicateWindowMs * NS,
        });
      }
      expect((await jsm.streams.info('GH_REQUEST')).config.max_age).toBe(0); // audit data is kept
      expect((await jsm.streams.info('GH_BUDGET')).config.max_age).toBe(35 * 24 * 3_600_000 * NS);

      const publisher = new EventPublisher(nc);
      expect(await publisher.publish(RequestCompletedV1, completed('req_once'))).toMatchObject({ duplicate: false });
      expect(await publisher.publish(RequestCompletedV1, completed('req_once'))).toMatchObject({ duplicate: true });
      expect((await jsm.streams.info('GH_REQUEST')).state.messages).toBe(1);
    } finally {
      await nc.close();
      await nats.stop();
    }
  });

  it('replicates every stream three times on a three-node cluster (GATEHOUSE_JS_REPLICAS=3) and keeps accepting writes with a node down', async () => {
    const cluster = await startCluster(3);
    const previous = process.env.GATEHOUSE_JS_REPLICAS;
    process.env.GATEHOUSE_JS_REPLICAS = '3';
    let nc: NatsConnection | null = null;
    try {
      nc = await connect({ servers: cluster.urls, name: 'streams-cluster-int' });
      const c = nc;
      // The cluster elects its JetStream meta leader a moment after the servers are up.
      await waitFor(() => ensureStreams(c).then(() => true, () => false), 'streams created on the cluster', 30_000, 250);
      const jsm = await jetstreamManager(nc);
      for (const spec of Object.values(Streams) as StreamSpec[]) {
        const info = await jsm.streams.info(spec.name);
        expect([spec.name, info.config.num_replicas, info.config.storage]).toEqual([spec.name, 3, StorageType.File]);
        expect(info.cluster?.replicas ?? []).toHaveLength(2); // a leader and two followers
      }
      await cluster.stopOne(2);
      const ack = await waitFor(() => jetstream(c).publish(RequestCompletedV1.subject, encodeJson(completed('req_quorum')), { msgID: 'req_quorum', timeout: 2_000 }).catch(() => null), 'a write with one node down', 20_000, 250);
      expect(ack.seq).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.GATEHOUSE_JS_REPLICAS;
      else process.env.GATEHOUSE_JS_REPLICAS = previous;
      await nc?.close();
      await cluster.stop();
    }
  }, 60_000);

  it("the ledger's durable content consumer acks explicitly and resumes where it stopped", async () => {
    const nats = await startNatsServer();
    const db = await createTestDatabase('gh_ledger_streams');
    const nc = await connectNats({ url: nats.url, name: 'streams-durable-int' });
    try {
      await ensureStreams(nc);
      const publisher = new EventPublisher(nc);
      const capture = (id: string) => ({ ...ContentCapturedV1.example, request_id: id, retention_days: null });
      const rows = async () => (await sql<{ request_id: string }>(db.url, 'select request_id from audit_content order by request_id').catch(() => [])).map((r) => r.request_id);
      let ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 2 });
      await publisher.publish(ContentCapturedV1, capture('req_c1'));
      await waitFor(async () => (await rows()).length === 1, 'first content row');
      const { config } = await (await jetstreamManager(nc)).consumers.info('GH_CONTENT', 'ledger-content');
      expect([config.durable_name, config.ack_policy]).toEqual(['ledger-content', AckPolicy.Explicit]);

      await ledger.close();
      for (const id of ['req_c2', 'req_c3']) await publisher.publish(ContentCapturedV1, capture(id));
      ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 2 });
      await waitFor(async () => (await rows()).length === 3, 'content published while stopped');
      expect(await rows()).toEqual(['req_c1', 'req_c2', 'req_c3']);
      await waitFor(async () => {
        const s = await (await jetstreamManager(nc)).consumers.info('GH_CONTENT', 'ledger-content');
        return s.num_pending === 0 && s.num_ack_pending === 0;
      }, 'every message acked');
      await ledger.close();
    } finally {
      await nc.close();
      await nats.stop();
      await db.drop();
    }
  });
});

/** A JetStream cluster of `n` nats-server processes on 127.0.0.1 (what production runs, with n = 3). */
async function startCluster(n: number) {
  const ports = await Promise.all(Array.from({ length: n * 2 }, () => freePort()));
  const client = ports.slice(0, n);
  const routes = ports.slice(n);
  const dir = mkdtempSync(join(tmpdir(), 'gh-nats-cluster-'));
  const procs: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const conf = join(dir, `n${i}.conf`);
    writeFileSync(conf, [
      `server_name: gh-n${i}`,
      `listen: 127.0.0.1:${client[i]}`,
      `jetstream { store_dir: "${join(dir, `store${i}`)}" }`,
      `cluster { name: gh-test, listen: 127.0.0.1:${routes[i]}, routes: [${routes.filter((_, j) => j !== i).map((p) => `nats-route://127.0.0.1:${p}`).join(', ')}] }`,
    ].join('\n'));
    procs.push(spawn(findNatsServer(), ['-c', conf], { stdio: 'ignore' }));
  }
  const urls = client.map((p) => `nats://127.0.0.1:${p}`);
  await waitFor(async () => (await Promise.all(urls.map((u) => connect({ servers: u, timeout: 500 }).then((c) => c.close().then(() => true), () => false)))).every(Boolean), 'cluster nodes listening', 15_000, 100);
  return {
    urls,
    stopOne: (i: number) => stopChild(procs[i]!),
    async stop() {
      await Promise.all(procs.map((p) => stopChild(p)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
