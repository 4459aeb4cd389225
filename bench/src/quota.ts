/**
 * Quota admission benchmark (issue #5, target ≤ 0.5 ms p99 at 1,500 RPS): `gh.rpc.quota.admit.v2`
 * as ingress calls it (to the partition's owner, one NATS round trip), open loop at a fixed rate,
 * over 1,000 keys and over one hot key, each key with an rpm, a tpm and a $ budget far from its
 * limit. As in production, the two quota replicas are their own processes (the built
 * `services/quota/src/main.js`) and nats-server is its own; this process only generates load. Each
 * admitted request is settled like ingress does, by its `request.completed` event (which every
 * replica follows), so state stays as bounded as in production (`QUOTA_SETTLE=0` turns that off).
 * The "max_parallel 8" rows give the key a slot limit. By default slots live in memory; with
 * `QUOTA_PARALLEL_HEADROOM=0.05` (crash-exact slots) every slot is a `budget.reserved` append
 * before the answer (serialized per partition, docs/adr/0005), and the settling event frees it;
 * the bench counts those events on GH_BUDGET to show which mode ran.
 *
 *   npm run build && node dist/bench/src/quota.js      (QUOTA_RPS=1500 QUOTA_SECONDS=10 by default; ~55 s)
 *   QUOTA_PROFILE=1 …   also writes a V8 CPU profile per replica to bench/out/profiles/quota-<n>.cpuprofile
 */
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { admitSubject, BudgetReservedV1, exampleRequestFacts, GatehouseError, partitionOf, QUOTA_PARTITIONS, QuotaAdmitV2, type QuotaScope, RequestCompletedV1, Streams } from '@gatehouse/contracts';
import { decodeJson, encodeJson, RpcClient } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import { LEASE_BUCKET } from '../../services/quota/src/partitions/lease-keeper';
import { DIST, runBench, withQuotaBench } from './harness';
import { cpuSeconds } from './procs';
import { measureDecision, measureIngressSide } from './quota-decision';
import { quantile } from './stats';

const RPS = Number(process.env.QUOTA_RPS ?? 1500);
const SECONDS = Number(process.env.QUOTA_SECONDS ?? 10);
const SETTLE = process.env.QUOTA_SETTLE !== '0';
const REPLICAS = 2;
const MAX_PARALLEL = 8;

function scopeOf(i: number): QuotaScope {
  return { id: `key:bench-${i}`, kind: 'key', label: `key bench-${i}`, limits: { rpm: 1_000_000, tpm: 1_000_000_000, max_parallel: null, max_budget_usd: 1_000_000, budget_duration: 'monthly' } };
}

/** Settles an admitted request as ingress would: its `request.completed` event (core publish into the stream). */
function settle(nc: NatsConnection, requestId: string, keyIndex: number): void {
  const facts = {
    ...exampleRequestFacts,
    request_id: requestId,
    key_id: `bench-${keyIndex}`,
    team_id: null,
    model: null,
    occurred_at: new Date().toISOString(),
    usage: { prompt_tokens: 200, completion_tokens: 100, total_tokens: 300, cached_tokens: 0, reasoning_tokens: 0 },
    cost: { usd: 0.0001, price_unknown: false },
  };
  nc.publish(RequestCompletedV1.subject, encodeJson(facts));
}

interface Row {
  label: string;
  achieved: number;
  lat: number[];
  errors: number;
  /** Refused by a limit (max_parallel: the slots were full), not counted in `errors`. */
  refused: number;
  cpuUsPerReq: number[];
}

/** What one request of the load sends: an admission by default, a bare hop for the "nothing" row. */
type Send = (rpc: RpcClient, id: string, scope: QuotaScope) => Promise<unknown>;
const admit: Send = (rpc, id, s) => {
  const p = partitionOf(s.id);
  return rpc.request({ ...QuotaAdmitV2, subject: admitSubject(p) }, { request_id: id, partition: p, scopes: [s], estimate: { tokens: 300, cost_usd: 0.0001 } });
};
// The same round trip to the same owner with a scope that has no limits: the hop without the
// decision's work (rate windows, budget, reservation). Not the replicas' ping: every replica
// answers it and the fastest reply wins, which flatters the floor.
const NO_LIMITS = { rpm: null, tpm: null, max_parallel: null, max_budget_usd: null, budget_duration: null };
const bareHop: Send = (rpc, id, s) => admit(rpc, id, { ...s, limits: NO_LIMITS });
// The same admissions with a slot limit on the key (in memory by default; with crash-exact slots
// every admission is a `budget.reserved` append); the settling event frees the slot.
const slotted: Send = (rpc, id, s) => admit(rpc, id, { ...s, limits: { ...s.limits, max_parallel: MAX_PARALLEL } });

/** `budget.reserved` events on GH_BUDGET, every scope's subject summed. */
async function reservedEvents(nc: NatsConnection): Promise<number> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(Streams.GH_BUDGET.name, { subjects_filter: `${BudgetReservedV1.subject}.>` });
  return Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
}

async function run(label: string, keys: number, rpc: RpcClient, nc: NatsConnection, pids: number[], seconds = SECONDS, send: Send = admit): Promise<Row> {
  const scopes = Array.from({ length: keys }, (_, i) => scopeOf(i));
  const lat: number[] = [];
  let errors = 0;
  let refused = 0;
  let n = 0;
  const total = Math.round(RPS * seconds);
  const cpu0 = pids.map(cpuSeconds);
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RPS));
      for (; n < due; n++) {
        const k = n % keys;
        const s = scopes[k];
        const id = `r${label.replace(/\W/g, '')}${n}`;
        const t0 = performance.now();
        inflight.push(
          send(rpc, id, s).then(
            () => {
              lat.push(performance.now() - t0);
              if (SETTLE) settle(nc, id, k);
            },
            (err: unknown) => void (err instanceof GatehouseError && err.code === 'rate_limit_exceeded' ? refused++ : errors++),
          ),
        );
      }
      if (n >= total) {
        clearInterval(tick);
        done();
      }
    }, 1);
  });
  await Promise.all(inflight);
  const elapsed = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  const cpuUsPerReq = pids.map((pid, i) => ((cpuSeconds(pid) - cpu0[i]) / total) * 1e6);
  return { label, achieved: total / elapsed, lat, errors, refused, cpuUsPerReq };
}

/** Every partition has a live lease, held by both replicas between them, and answers an admission. */
async function partitionsServed(nc: NatsConnection, rpc: RpcClient): Promise<void> {
  const kv = await new Kvm(nc).open(LEASE_BUCKET);
  await waitFor(
    async () => {
      const owners = new Map<number, string>();
      for (let p = 0; p < QUOTA_PARTITIONS; p++) {
        const e = await kv.get(`partition.${String(p).padStart(2, '0')}`);
        if (e && e.operation === 'PUT') owners.set(p, (decodeJson(e.value) as { owner: string }).owner);
      }
      return owners.size === QUOTA_PARTITIONS && new Set(owners.values()).size === REPLICAS;
    },
    'every partition leased, by both replicas',
    20_000,
    200,
  );
  // A probe scope per partition (no limits): the owner's subscription is live.
  const probes = new Map<number, string>();
  for (let i = 0; probes.size < QUOTA_PARTITIONS; i++) {
    const id = `key:probe-${i}`;
    if (!probes.has(partitionOf(id))) probes.set(partitionOf(id), id);
  }
  const none = { rpm: null, tpm: null, max_parallel: null, max_budget_usd: null, budget_duration: null };
  await waitFor(
    async () => {
      const answers = await Promise.allSettled(
        [...probes].map(([p, id]) =>
          rpc.request({ ...QuotaAdmitV2, subject: admitSubject(p) }, { request_id: `probe-${p}-${Date.now()}`, partition: p, scopes: [{ id, kind: 'key', label: id, limits: none }], estimate: { tokens: 0, cost_usd: 0 } }),
        ),
      );
      return answers.every((a) => a.status === 'fulfilled');
    },
    'every partition answering',
    20_000,
    200,
  );
}

const LABEL = 26;

function line(r: Row): string {
  const ms = (q: number) => quantile(r.lat, q).toFixed(3).padStart(6);
  const cpu = r.cpuUsPerReq.map((c) => c.toFixed(0)).join(' + ');
  return `| ${r.label.padEnd(LABEL)} | ${String(Math.round(r.achieved)).padStart(5)} | ${ms(0.5)} | ${ms(0.99)} | ${ms(0.999)} | ${String(r.errors).padStart(6)} | ${cpu.padEnd(22)} |`;
}

async function main(): Promise<void> {
  await withQuotaBench(async ({ nats, nc, procs, startReplica }) => {
    for (let i = 0; i < REPLICAS; i++) {
      const profile = process.env.QUOTA_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(DIST, '../bench/out/profiles'), `--cpu-prof-name=quota-${i}.cpuprofile`] : [];
      await startReplica(profile);
    }
    const rpc = new RpcClient(nc);
    await partitionsServed(nc, rpc);
    const pids = [...procs.map((p) => p.child.pid!), nats.pid];
    await run('warm-up', 1000, rpc, nc, pids, Math.min(3, SECONDS)); // every key's state exists before measuring
    const rows = [await run('1,000 keys', 1000, rpc, nc, pids), await run('1 hot key', 1, rpc, nc, pids), await run('no limits', 1000, rpc, nc, pids, SECONDS, bareHop)];
    // Last, so the rows above run as they always did. The spread row is shorter: the hot key is
    // the case that queues (one partition's appends in series); the spread one has 64 partitions appending at once.
    const slotRows: { row: Row; events: number }[] = [];
    for (const [label, keys, seconds] of [[`1 hot key, max_parallel ${MAX_PARALLEL}`, 1, SECONDS], [`1,000 keys, max_parallel ${MAX_PARALLEL}`, 1000, SECONDS / 2]] as const) {
      const before = await reservedEvents(nc);
      const row = await run(label, keys, rpc, nc, pids, seconds, slotted);
      slotRows.push({ row, events: (await reservedEvents(nc)) - before });
    }
    rows.push(...slotRows.map((r) => r.row));
    console.log(
      `\nquota admission (gh.rpc.quota.admit.v2; ${REPLICAS} quota replicas and nats-server as their own processes, load from a third; ` +
        `${RPS} RPS open loop, ${SECONDS} s each (${SECONDS / 2} s for 1,000 keys with max_parallel); settled by events: ${SETTLE ? 'yes' : 'no'}; latency in ms, one NATS round trip included)\n`,
    );
    console.log(`| ${'load'.padEnd(LABEL)} |   RPS |    p50 |    p99 |  p99.9 | errors | CPU µs/req (${procs.map((p) => p.name).join(' + ')} + nats) |`);
    console.log(`| ${'-'.repeat(LABEL)} | ----- | ------ | ------ | ------ | ------ | ---------------------- |`);
    for (const r of rows) console.log(line(r));
    console.log(`\nthe max_parallel ${MAX_PARALLEL} rows' slot events (each slot freed by its request's settling event):\n`);
    console.log(`| ${'load'.padEnd(LABEL)} | budget.reserved on GH_BUDGET | admitted | refused, slots full |`);
    console.log(`| ${'-'.repeat(LABEL)} | ---------------------------- | -------- | ------------------- |`);
    for (const { row, events } of slotRows) console.log(`| ${row.label.padEnd(LABEL)} | ${events} | ${row.lat.length} | ${row.refused} |`);
    // What the limits and budget add over the bare round trip; the round trip itself runs in
    // parallel with guard and cache on the hot path (docs/adr/0002).
    const bare = rows.find((r) => r.label === 'no limits')!;
    console.log('\nwhat the decision adds: the same admissions minus the same hop to the same owners with a scope that has no limits, same load (ms):\n');
    console.log(`| ${'load'.padEnd(LABEL)} | p50 | p99 |`);
    console.log(`| ${'-'.repeat(LABEL)} | --- | --- |`);
    for (const r of rows.filter((x) => x !== bare)) {
      const d = (q: number) => (quantile(r.lat, q) - quantile(bare.lat, q)).toFixed(3);
      console.log(`| ${r.label.padEnd(LABEL)} | ${d(0.5)} | ${d(0.99)} |`);
    }
    console.log('\nthe decision alone (validation + AdmissionService.admit in one process, no NATS; µs):\n');
    console.log('| load       |   p50 |   p99 | p99.9 |');
    console.log('| ---------- | ----- | ----- | ----- |');
    for (const [label, keys] of [['1,000 keys', 1000], ['1 hot key', 1]] as const) {
      const d = await measureDecision(keys, 100_000);
      console.log(`| ${label.padEnd(10)} | ${d.p50.toFixed(1).padStart(5)} | ${d.p99.toFixed(1).padStart(5)} | ${d.p999.toFixed(1).padStart(5)} |`);
    }
    const i = measureIngressSide(50_000);
    console.log(`| ingress side: scopes + worst-case estimate of a short chat request | ${i.p50.toFixed(1)} | ${i.p99.toFixed(1)} | ${i.p999.toFixed(1)} |`);
    console.log('\ncommand: npm run build && node dist/bench/src/quota.js');
  });
}

runBench(main);
