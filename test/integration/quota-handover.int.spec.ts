import { admitSubject, GatehouseError, partitionOf, QUOTA_PARTITIONS, QuotaAdmitV2, type QuotaScope } from '@gatehouse/contracts';
import { metricsRegistry } from '@gatehouse/telemetry';
import { waitFor } from '@gatehouse/testing';
import type { QuotaOptions } from '../../services/quota/src/main';
import { quotaClusterPerFile } from '../support/quota-cluster';

/**
 * Quota partition handover (docs/adr/0005) over a real nats-server with JetStream: replicas join
 * and leave while admissions keep coming, and no admission meets a partition without a
 * subscriber; a request that arrives while its owner leaves is answered by the successor; the
 * leaving owner's memory-only reservations are events before the successor admits, so a budget
 * near its limit is not overspent across the handover.
 */
const cluster = quotaClusterPerFile();

const start = (headroomFraction = 0.05, more: QuotaOptions = {}) => cluster.start({ headroomFraction, handoverTimeoutMs: 2_000, ...more });

const open = { rpm: null, tpm: null, max_parallel: null, max_budget_usd: null, budget_duration: null };
const scope = (id: string, limits: QuotaScope['limits'] = open): QuotaScope => ({ id, kind: 'key', label: `key ${id}`, limits });

function admit(requestId: string, s: QuotaScope, usd = 0) {
  const partition = partitionOf(s.id);
  return cluster.rpc.request({ ...QuotaAdmitV2, subject: admitSubject(partition) }, { request_id: requestId, partition, scopes: [s], estimate: { tokens: 1, cost_usd: usd } }, undefined, 5_000);
}

/** One scope id per partition, so a load over them touches every partition. */
function scopePerPartition(): QuotaScope[] {
  const out = new Map<number, QuotaScope>();
  for (let i = 0; out.size < QUOTA_PARTITIONS; i++) {
    const s = scope(`handover-${i}`);
    if (!out.has(partitionOf(s.id))) out.set(partitionOf(s.id), s);
  }
  return [...out.values()];
}

const ownedOnce = () => cluster.ownedOnce();

it('replicas join and leave under load: every admission is answered, none meets a partition without owner', async () => {
  const a = await start();
  const scopes = scopePerPartition();
  let running_ = true;
  let admitted = 0;
  const failures: string[] = [];
  const worker = async (w: number) => {
    for (let i = 0; running_; i++) {
      const s = scopes[(w * 17 + i) % scopes.length];
      try {
        if ((await admit(`req_load_${w}_${i}`, s)).admitted) admitted++;
      } catch (err) {
        failures.push(`${s.id} (p${partitionOf(s.id)}): ${(err as Error).message}`);
      }
    }
  };
  const load = Promise.all([0, 1, 2, 3].map(worker));
  const b = await start(); // joins: a hands half of the partitions over
  await waitFor(ownedOnce, 'a and b share the partitions');
  await cluster.stop(a); // leaves: b takes the rest
  expect(b.engine.leases.owned.size).toBe(QUOTA_PARTITIONS);
  const c = await start();
  await waitFor(ownedOnce, 'b and c share the partitions');
  await cluster.stop(b);
  expect(c.engine.leases.owned.size).toBe(QUOTA_PARTITIONS);
  running_ = false;
  await load;
  expect(failures).toEqual([]);
  expect(admitted).toBeGreaterThan(100);
  await cluster.stop(c);
}, 60_000);

it('a request arriving while its owner leaves is held, passed on and admitted by the successor; a budget near its limit is not overspent', async () => {
  // Headroom 50 %: most reservations stay in the owner's memory, so only the flush at handover
  // tells the successor about them.
  const a = await start(0.5);
  const b = await start(0.5);
  await waitFor(ownedOnce, 'a and b share the partitions');
  const ids = Array.from({ length: 200 }, (_, i) => `near-limit-${i}`);
  const budgetScope = scope(ids.find((id) => a.engine.leases.owned.has(partitionOf(id)))!, { ...open, max_budget_usd: 1, budget_duration: '1d' });
  const p = partitionOf(budgetScope.id);
  const each = 0.04; // 25 fit the budget
  let n = 0;
  const admittedUsd = async (count: number) => {
    let usd = 0;
    for (let i = 0; i < count; i++) {
      try {
        if ((await admit(`req_budget_${n++}`, budgetScope, each)).admitted) usd += each;
      } catch (err) {
        if (!(err instanceof GatehouseError && err.code === 'budget_exceeded')) throw err;
      }
    }
    return usd;
  };
  const before = await admittedUsd(12); // 0.48, in a's memory only (under the 50 % headroom)
  expect(before).toBeCloseTo(0.48, 9);
  const held = a.engine.projection.book.scope(budgetScope.id);
  expect(held.memReserved(held.period(Date.now()).id)).toBeCloseTo(0.48, 9);

  // The moment a has stopped deciding for the partition (paused, about to flush), a request comes in.
  let inFlight: Promise<{ admitted: boolean }> | null = null;
  const flush = a.engine.admission.flush.bind(a.engine.admission);
  jest.spyOn(a.engine.admission, 'flush').mockImplementation(async (partition) => {
    if (partition === p && !inFlight) {
      inFlight = admit(`req_budget_${n++}`, budgetScope, each);
      await new Promise((r) => setTimeout(r, 50)); // it reaches a, which holds it
    }
    return flush(partition);
  });
  await cluster.stop(a);
  expect(inFlight).not.toBeNull();
  await expect(inFlight).resolves.toMatchObject({ admitted: true });
  expect(b.engine.leases.owned.has(p)).toBe(true);

  // b knows a's reservations: it admits only what is left of the budget.
  const after = await admittedUsd(30);
  const total = before + each + after;
  expect(total).toBeLessThanOrEqual(1 + 1e-9);
  expect(total).toBeGreaterThanOrEqual(1 - each - 1e-9);
  await expect(admit(`req_budget_${n++}`, budgetScope, each)).rejects.toMatchObject({ code: 'budget_exceeded' });
  // The projection that a takeover waits for reports its lag (0: it applied the flush).
  expect(await metricsRegistry.metrics()).toMatch(/gatehouse_jetstream_consumer_pending\{stream="GH_BUDGET",consumer="quota-projection"[^}]*\} 0\b/);
  await cluster.stop(b);
}, 60_000);

it('a crashed owner’s partitions are taken over once its leases expired (no handover to wait for)', async () => {
  const fast = { leaseTtlMs: 1_000, leaseTickMs: 200 };
  const a = await start(0.05, fast);
  const b = await start(0.05, fast);
  await waitFor(ownedOnce, 'a and b share the partitions');
  const orphan = scope([...Array(200).keys()].map((i) => `crash-${i}`).find((id) => a.engine.leases.owned.has(partitionOf(id)))!);
  await cluster.kill(a);
  await waitFor(() => b.engine.leases.owned.size === QUOTA_PARTITIONS, 'b owns every partition', 10_000);
  await expect(admit('req_crash_after', orphan)).resolves.toMatchObject({ admitted: true });
  await cluster.stop(b);
}, 30_000);
