import { jetstream } from '@nats-io/jetstream';
import { admitSubject, exampleRequestFacts, partitionOf, QUOTA_PARTITIONS, QuotaAdmitV2, type QuotaScope, RequestCompletedV1 } from '@gatehouse/contracts';
import { encodeJson } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import type { QuotaOptions } from '../../services/quota/src/main';
import { type Quota, quotaClusterPerFile } from '../support/quota-cluster';

/**
 * max_parallel across a change of owner (docs/adr/0005) over a real nats-server with JetStream:
 * the requests a crashed or departed owner admitted and that are still running keep their slots
 * at the successor (it rebuilds them from `budget.reserved` events), until their request events
 * arrive; before, a new owner started from 0 in flight and admitted a whole extra set.
 */
const cluster = quotaClusterPerFile();

const fast = { leaseTtlMs: 1_000, leaseTickMs: 200, handoverTimeoutMs: 2_000 };
const start = (more: QuotaOptions = {}) => cluster.start({ ...fast, ...more });
const ownedOnce = () => cluster.ownedOnce();

const limits = { rpm: null, tpm: null, max_parallel: 2, max_budget_usd: null, budget_duration: null };
/** A key scope in a partition `q` owns. */
function keyOwnedBy(q: Quota, prefix: string): { keyId: string; scope: QuotaScope } {
  const keyId = [...Array(500).keys()].map((i) => `${prefix}-${i}`).find((k) => q.engine.leases.owned.has(partitionOf(`key:${k}`)))!;
  return { keyId, scope: { id: `key:${keyId}`, kind: 'key', label: `key ${keyId}`, limits } };
}

function admit(requestId: string, s: QuotaScope) {
  const partition = partitionOf(s.id);
  return cluster.rpc.request({ ...QuotaAdmitV2, subject: admitSubject(partition) }, { request_id: requestId, partition, scopes: [s], estimate: { tokens: 1, cost_usd: 0 } }, undefined, 5_000);
}

/** The request finished: its `request.completed` event, as ingress publishes it. */
async function finish(requestId: string, keyId: string): Promise<void> {
  const facts = { ...exampleRequestFacts, request_id: requestId, key_id: keyId, team_id: null, model: null, occurred_at: new Date().toISOString() };
  await jetstream(cluster.nc).publish(RequestCompletedV1.subject, encodeJson(facts), { msgID: requestId });
}

it('with crash-exact slots, after an owner crash the successor counts the crashed owner’s running requests against max_parallel until they finish', async () => {
  // parallel_headroom_fraction 0.05 (the default 1 keeps slots in memory: no event per admission).
  const a = await start({ parallelHeadroomFraction: 0.05 });
  const b = await start({ parallelHeadroomFraction: 0.05 });
  await waitFor(ownedOnce, 'a and b share the partitions');
  const { keyId, scope } = keyOwnedBy(a, 'crash-par');
  await expect(admit('req_p1', scope)).resolves.toMatchObject({ admitted: true });
  await expect(admit('req_p2', scope)).resolves.toMatchObject({ admitted: true });
  await expect(admit('req_p3', scope)).rejects.toMatchObject({ code: 'rate_limit_exceeded', message: expect.stringContaining('2 at a time') });
  // b follows a's slots from their events (they were appended before a answered).
  await waitFor(() => b.engine.projection.book.scope(scope.id).parallel === 2, 'b sees 2 requests in flight');

  await cluster.kill(a);
  await waitFor(() => b.engine.leases.owned.size === QUOTA_PARTITIONS, 'b owns every partition', 10_000);
  await expect(admit('req_p4', scope)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });

  await finish('req_p1', keyId);
  await waitFor(() => b.engine.projection.book.scope(scope.id).parallel === 1, 'req_p1 finished');
  await expect(admit('req_p5', scope)).resolves.toMatchObject({ admitted: true });
  await expect(admit('req_p6', scope)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
  await cluster.stop(b);
}, 60_000);

it('a graceful handover passes memory-only slots on: the successor admits none past max_parallel', async () => {
  // Headroom 50 % of 2: the first slot stays in a's memory, only the flush at handover tells b.
  const a = await start({ headroomFraction: 0.5, parallelHeadroomFraction: 0.5 });
  const b = await start({ headroomFraction: 0.5, parallelHeadroomFraction: 0.5 });
  await waitFor(ownedOnce, 'a and b share the partitions');
  const { keyId, scope } = keyOwnedBy(a, 'handover-par');
  await expect(admit('req_h1', scope)).resolves.toMatchObject({ admitted: true });
  expect(a.engine.projection.book.scope(scope.id)).toMatchObject({ parallel: 1, memParallel: 1 });
  await expect(admit('req_h2', scope)).resolves.toMatchObject({ admitted: true });

  await cluster.stop(a);
  expect(b.engine.leases.owned.has(partitionOf(scope.id))).toBe(true);
  expect(b.engine.projection.book.scope(scope.id).parallel).toBe(2);
  await expect(admit('req_h3', scope)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });

  await finish('req_h2', keyId);
  await waitFor(() => b.engine.projection.book.scope(scope.id).parallel === 1, 'req_h2 finished');
  await expect(admit('req_h4', scope)).resolves.toMatchObject({ admitted: true });
  await cluster.stop(b);
}, 60_000);
