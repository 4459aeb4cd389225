/**
 * Quota admission benchmark (issue #5): `gh.rpc.quota.admit.v2` as ingress calls it (to the
 * partition owner, one NATS hop), open loop at a fixed rate, over many keys and over one hot key,
 * each key with an rpm, a tpm and a $ budget far from its limit. Two quota replicas own the 64
 * partitions; the load generator is a separate NATS connection in this process.
 *
 *   npm run build && node dist/bench/src/quota.js      (QUOTA_RPS=1500 QUOTA_SECONDS=10 by default)
 */
import { connect } from '@nats-io/transport-node';
import { admitSubject, partitionOf, QuotaAdmitV2, type QuotaScope } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { startNatsServer, waitFor } from '@gatehouse/testing';
import { startQuota } from '../../services/quota/src/main';
import { quantile } from './stats';

const RPS = Number(process.env.QUOTA_RPS ?? 1500);
const SECONDS = Number(process.env.QUOTA_SECONDS ?? 10);

function scopeOf(i: number): QuotaScope {
  return { id: `key:bench-${i}`, kind: 'key', label: `key bench-${i}`, limits: { rpm: 1_000_000, tpm: 1_000_000_000, max_parallel: null, max_budget_usd: 1_000_000, budget_duration: 'monthly' } };
}

async function run(label: string, keys: number, rpc: RpcClient): Promise<string> {
  const scopes = Array.from({ length: keys }, (_, i) => scopeOf(i));
  const lat: number[] = [];
  let errors = 0;
  let n = 0;
  const total = RPS * SECONDS;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RPS));
      for (; n < due; n++) {
        const s = scopes[n % keys];
        const p = partitionOf(s.id);
        const t0 = performance.now();
        inflight.push(
          rpc
            .request({ ...QuotaAdmitV2, subject: admitSubject(p) }, { request_id: `r${label}${n}`, partition: p, scopes: [s], estimate: { tokens: 300, cost_usd: 0.0001 } })
            .then(() => void lat.push(performance.now() - t0), () => void errors++),
        );
      }
      if (n >= total) {
        clearInterval(tick);
        done();
      }
    }, 1);
  });
  await Promise.all(inflight);
  lat.sort((a, b) => a - b);
  const achieved = total / ((performance.now() - started) / 1000);
  return `| ${label.padEnd(18)} | ${String(Math.round(achieved)).padStart(5)} | ${quantile(lat, 0.5).toFixed(3).padStart(6)} | ${quantile(lat, 0.99).toFixed(3).padStart(6)} | ${quantile(lat, 0.999).toFixed(3).padStart(6)} | ${String(errors).padStart(6)} |`;
}

async function main(): Promise<void> {
  const nats = await startNatsServer();
  const quotas = [await startQuota({ natsUrl: nats.url }), await startQuota({ natsUrl: nats.url })];
  const nc = await connect({ servers: nats.url, noAsyncTraces: true });
  try {
    await waitFor(() => quotas.reduce((s, q) => s + q.engine.leases.owned.size, 0) === 64 && quotas.every((q) => q.engine.leases.owned.size > 0), 'partitions owned', 15_000);
    const rpc = new RpcClient(nc);
    await run('warm-up', 100, rpc);
    const rows = [await run('1,000 keys', 1000, rpc), await run('1 hot key', 1, rpc)];
    console.log(`\nquota admission (gh.rpc.quota.admit.v2, 2 quota replicas, ${RPS} RPS open loop, ${SECONDS} s each; latency in ms, one NATS round trip included)\n`);
    console.log('| load               |   RPS |    p50 |    p99 |  p99.9 | errors |');
    console.log('| ------------------ | ----- | ------ | ------ | ------ | ------ |');
    for (const r of rows) console.log(r);
    console.log('\ncommand: npm run build && node dist/bench/src/quota.js');
  } finally {
    await nc.close();
    for (const q of quotas) await q.close();
    await nats.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
