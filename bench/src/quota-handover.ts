/**
 * Quota partition handover under load (docs/adr/0005): what a rolling restart of the quota
 * replicas costs the admissions that arrive meanwhile. Two quota replicas (the built service, each
 * its own process) and nats-server; this process sends `gh.rpc.quota.admit.v2` open loop at a
 * fixed rate over 1,000 keys, first with nothing moving, then while each replica in turn gets
 * SIGTERM (it hands its partitions over) and a new one starts (it takes its share over), the next
 * one going only once the new one reports ready. Reports latency and errors of both phases and how
 * long each stopping replica took to hand everything over and exit.
 *
 *   npm run build && node dist/bench/src/quota-handover.js   (HANDOVER_RPS=500 HANDOVER_ROUNDS=2; ~20 s)
 */
import { admitSubject, partitionOf, QuotaAdmitV2, type QuotaScope } from '@gatehouse/contracts';
import { pingAll, RpcClient } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import { runBench, withQuotaBench } from './harness';
import { quantile } from './stats';

const RPS = Number(process.env.HANDOVER_RPS ?? 500);
const ROUNDS = Number(process.env.HANDOVER_ROUNDS ?? 2);
const STEADY_S = 3;

const scopes: QuotaScope[] = Array.from({ length: 1000 }, (_, i) => ({
  id: `key:handover-${i}`, kind: 'key', label: `key handover-${i}`,
  limits: { rpm: 1_000_000, tpm: null, max_parallel: null, max_budget_usd: 1_000_000, budget_duration: 'monthly' },
}));

interface Phase {
  lat: number[];
  errors: string[];
}

/** Sends admissions open loop until `stop()`; each lands in the phase current when it was sent. */
function load(rpc: RpcClient) {
  let phase: Phase = { lat: [], errors: [] };
  let n = 0;
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    for (let k = 0; k < RPS / 100; k++) {
      const s = scopes[n % scopes.length];
      const p = partitionOf(s.id);
      const into = phase;
      const t0 = performance.now();
      const req = rpc
        .request({ ...QuotaAdmitV2, subject: admitSubject(p) }, { request_id: `req_h_${n++}`, partition: p, scopes: [s], estimate: { tokens: 10, cost_usd: 0.0001 } })
        .then(
          () => void into.lat.push(performance.now() - t0),
          (err: Error) => void into.errors.push(err.message),
        );
      inFlight.add(req);
      void req.finally(() => inFlight.delete(req));
    }
  }, 10);
  return {
    next(): Phase {
      const done = phase;
      phase = { lat: [], errors: [] };
      return done;
    },
    async stop(): Promise<Phase> {
      clearInterval(timer);
      await Promise.all(inFlight);
      return phase;
    },
  };
}

function row(label: string, p: Phase): string {
  const lat = [...p.lat].sort((a, b) => a - b);
  const f = (q: number) => quantile(lat, q).toFixed(2).padStart(7);
  return `| ${label.padEnd(16)} | ${String(lat.length).padStart(6)} | ${f(0.5)} | ${f(0.99)} | ${(lat.at(-1) ?? 0).toFixed(1).padStart(7)} | ${String(p.errors.length).padStart(6)} |`;
}

async function main(): Promise<void> {
  await withQuotaBench(async ({ nc, procs, startReplica }) => {
    const replicasReady = (n: number) =>
      waitFor(async () => {
        const q = (await pingAll(nc)).quota;
        return q.length === n && q.every((r) => r.ready && Number(r.details?.partitions ?? 0) > 0);
      }, `${n} quota replicas ready, each serving partitions`, 20_000);
    for (let i = 0; i < 2; i++) await startReplica();
    await replicasReady(2);
    const rpc = new RpcClient(nc);
    const gen = load(rpc);
    await new Promise((r) => setTimeout(r, STEADY_S * 1000));
    const steady = gen.next();
    const handovers: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const victim of procs.filter((p) => p.child.exitCode === null).slice(0, 2)) {
        const t0 = performance.now();
        const exited = new Promise((r) => victim.child.once('exit', r));
        victim.child.kill('SIGTERM');
        await exited;
        handovers.push(performance.now() - t0);
        procs.splice(procs.indexOf(victim), 1);
        await startReplica();
        await replicasReady(2);
      }
    }
    const rolling = await gen.stop();
    console.log(`\nquota handover under load (${RPS} RPS open loop over 1,000 keys; 2 quota replicas and nats-server as their own processes; latency in ms)\n`);
    console.log('| phase            | admits |     p50 |     p99 |     max | errors |');
    console.log('| ---------------- | ------ | ------- | ------- | ------- | ------ |');
    console.log(row('steady', steady));
    console.log(row(`rolling x${ROUNDS * 2}`, rolling));
    const h = [...handovers].sort((a, b) => a - b);
    console.log(`\nSIGTERM to exit of a replica handing its partitions over: median ${quantile(h, 0.5).toFixed(0)} ms, max ${(h.at(-1) ?? 0).toFixed(0)} ms (${h.length} stops)`);
    if (rolling.errors.length) console.log(`errors: ${[...new Set(rolling.errors)].slice(0, 5).join(' | ')}`);
    console.log('\ncommand: npm run build && node dist/bench/src/quota-handover.js');
  });
}

runBench(main);
