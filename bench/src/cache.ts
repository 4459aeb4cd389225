/**
 * Cache benchmark (issue #9, docs/adr/0011). Prints a table.
 *
 *   npm run build && node dist/bench/src/cache.js
 *   CACHE_BENCH_N=2000 (requests per row)  CACHE_BENCH_ENTRIES=100000 (semantic index rows)  (defaults)
 *   CACHE_BENCH_ONLY=hops|e2e|semantic runs one part; CACHE_BENCH_DATA=clustered|random (semantic rows)
 *
 * 1. The cache hop as ingress sees it, over a real nats-server (concurrency 1): an exact hit
 *    (the replica keeps hot entries decoded in memory), the same with that memory off (a JetStream
 *    KV get per hit), a miss (answered from the key mirror), and the same service's ping (a bare
 *    hop: "nothing"). The hit's overhead vs nothing is hit − ping. On the hot path the
 *    hop runs beside quota and guard, so a hit answers without the router at all.
 * 2. HTTP end to end through the gateway (identity, quota ∥ guard ∥ cache): an exact hit vs. the
 *    same request from a team without the cache (lookup skipped) answered by the mock provider.
 * 3. The semantic half with CACHE_BENCH_ENTRIES rows in one namespace + scope of a running cache
 *    service (256-dim unit vectors, HNSW via usearch, int8 cells): index search latency and
 *    recall@1 of planted near-duplicates (cosine ≈ 0.95), then a whole semantic look-up over NATS.
 *    CACHE_BENCH_DATA=clustered (default, topics like real prompts) | random (no structure: the
 *    worst case for a graph).
 */
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { CacheLookupV2, CacheStoreV1, pingContract } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { startNatsServer } from '@gatehouse/testing';
import { startCache } from '../../services/cache/src/main';
import { localVector } from '../../services/cache/src/semantic/local-vector';
import { SemanticIndexService } from '../../services/cache/src/semantic/semantic-index.service';
import { INDEX_DIMS, normalised } from '../../services/cache/src/semantic/vector-math';
import { startInProcessGateway } from '../../test/support/in-process-gateway';
import { runBench } from './harness';
import { quantile } from './stats';

const N = Number(process.env.CACHE_BENCH_N ?? 2_000);
const ENTRIES = Number(process.env.CACHE_BENCH_ENTRIES ?? 100_000);
const rows: string[][] = [];

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(i); // warm up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}
/** Each of `fns` in turn, `n` rounds: drift in the machine's load weighs on every row alike. */
async function interleaved(n: number, fns: ((i: number) => Promise<unknown>)[]): Promise<number[][]> {
  for (let i = 0; i < Math.min(200, n); i++) for (const fn of fns) await fn(i); // warm up
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn(i);
      out[k].push(performance.now() - t);
    }
  }
  return out.map((s) => s.sort((a, b) => a - b));
}
const ms = (v: number) => `${v.toFixed(3)} ms`;
const row = (what: string, s: number[]) => rows.push([what, ms(quantile(s, 0.5)), ms(quantile(s, 0.99))]);

async function hops(natsUrl: string): Promise<void> {
  const cache = await startCache({ natsUrl });
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true } as never);
  const rpc = new RpcClient(nc);
  const request = { model: 'm', messages: [{ role: 'user', content: 'a cached question' }] };
  const response = { id: 'c', object: 'chat.completion' as const, created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant' as const, content: 'x'.repeat(400) }, finish_reason: 'stop' as const }] };
  await rpc.request(CacheStoreV1, { request_id: 'r', namespace: 'team:bench', request, response, cost_usd: 0.001, ttl_s: 3600, max_entries: 10_000 });
  const ping = pingContract('cache');
  const [hit, miss, bare] = await interleaved(N, [
    () => rpc.request(CacheLookupV2, { request_id: 'q', namespace: 'team:bench', request }),
    (i) => rpc.request(CacheLookupV2, { request_id: 'q', namespace: 'team:bench', request: { ...request, seed: i } }),
    () => rpc.request(ping, {}),
  ]);
  row('cache.lookup.v2 exact hit (RPC; entry kept in memory)', hit);
  row('cache.lookup.v2 miss (key mirror)', miss);
  row('cache.ping.v1 (a bare hop: "nothing")', bare);
  rows.push(['→ exact hit overhead vs nothing (hit − ping)', ms(quantile(hit, 0.5) - quantile(bare, 0.5)), ms(quantile(hit, 0.99) - quantile(bare, 0.99))]);
  await cache.close();
  // A replica that keeps no entry in memory: every hit reads the bucket (what a hit cost before).
  const cold = await startCache({ natsUrl, valueCacheBytes: 0 });
  row('cache.lookup.v2 exact hit, entry read from KV (no memory kept)', await timed(N, () => rpc.request(CacheLookupV2, { request_id: 'q', namespace: 'team:bench', request })));
  await cold.close();
  await nc.close();
}

async function endToEnd(natsUrl: string): Promise<void> {
  const yaml = `
model_list:
  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }
litellm_settings: { cache: true }
general_settings: { master_key: sk-bench-master }
gatehouse:
  keys:
    - { key: sk-bench-cached-0001, team_id: cached }
    - { key: sk-bench-nocache-001, team_id: plain }
  cache: { teams: [cached] }
`;
  const gw = await startInProcessGateway({ natsUrl, configYaml: yaml, ingressReplicas: 1, routerReplicas: 1 });
  const body = JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'the same question every time' }] });
  const post = async (key: string) => {
    const res = await fetch(`${gw.urls[0]}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    return res.headers.get('x-gatehouse-cache');
  };
  await post('sk-bench-cached-0001');
  await new Promise((r) => setTimeout(r, 200));
  if ((await post('sk-bench-cached-0001')) !== 'hit') throw new Error('expected a hit');
  const [hit, plain] = await interleaved(N, [() => post('sk-bench-cached-0001'), () => post('sk-bench-nocache-001')]);
  row('HTTP e2e: exact hit', hit);
  row('HTTP e2e: no cache (mock provider via router)', plain);
  await gw.close();
}

/**
 * Rows of the semantic benchmark: `clustered` — 1,000 topics, each row its topic's centre plus
 * noise (rows of a topic at cosine ≈ 0.6, as prompts about one subject are); `random` — unit
 * vectors with no structure at all (the worst case for a graph index: nothing leads the search
 * towards the target until it is next to it).
 */
function dataset(kind: string, n: number, unit: () => Float32Array): Float32Array[] {
  const mix = (a: Float32Array, b: Float32Array, w: number) => normalised(Array.from(a, (x, j) => x + w * b[j]));
  if (kind === 'random') return Array.from({ length: n }, unit);
  const centres = Array.from({ length: 1_000 }, unit);
  return Array.from({ length: n }, (_, i) => mix(centres[i % centres.length], unit(), 0.8));
}

/**
 * The semantic half at ENTRIES rows in one namespace + scope, inside a running cache service: one
 * real entry stored through `cache.store.v1` (local method) fixes the namespace and scope, the
 * service's own index is filled with ENTRIES synthetic rows beside it, then (a) the index search
 * in process, with recall@1 of planted near duplicates, and (b) `cache.lookup.v2` over NATS for a
 * rewording of the real entry: exact miss, vector, HNSW search, exact re-check, reply.
 */
async function semantic(natsUrl: string): Promise<void> {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const unit = () => normalised(Array.from({ length: INDEX_DIMS }, rnd));
  const kind = process.env.CACHE_BENCH_DATA ?? 'clustered';
  const cache = await startCache({ natsUrl });
  const nc = await connect({ servers: natsUrl, noAsyncTraces: true } as never);
  const rpc = new RpcClient(nc);
  const ask = (content: string) => ({ model: 'm', messages: [{ role: 'system', content: 'You answer questions about the staff handbook.' }, { role: 'user', content }] });
  const local = { method: 'local' as const, threshold: 0.85 };
  const response = { id: 'c', object: 'chat.completion' as const, created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant' as const, content: 'x'.repeat(400) }, finish_reason: 'stop' as const }] };
  await rpc.request(CacheStoreV1, { request_id: 'r', namespace: 'team:sem', request: ask('How do I reset my password on the staff portal?'), response, cost_usd: 0.001, ttl_s: 3600, max_entries: 1_000_000, semantic: local });
  const kv = await new Kvm(nc).open('GH_CACHE');
  let recordKey = '';
  for await (const k of await kv.keys('s.>')) recordKey = k;
  const [, ns, scope] = recordKey.split('.');
  const index = cache.app.get(SemanticIndexService);

  const all = dataset(kind, ENTRIES, unit);
  const t0 = performance.now();
  for (let i = 0; i < ENTRIES; i++) index.add(`s.${ns}.${scope}.d${i}`, all[i], Infinity);
  const buildS = (performance.now() - t0) / 1000;
  const queries = 2_000;
  const lat: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const target = Math.floor(Math.abs(rnd() * 2) * ENTRIES) % ENTRIES;
    const noise = unit();
    const query = normalised(Array.from(all[target], (x, j) => x + 0.33 * noise[j])); // cosine ≈ 0.95
    const t = performance.now();
    const hits = index.search(ns, scope, query, 0.85, 3);
    lat.push(performance.now() - t);
    if (hits[0]?.id === `d${target}`) found++;
  }
  lat.sort((a, b) => a - b);
  row(`semantic index search, ${ENTRIES.toLocaleString('en-US')} ${kind} rows (HNSW, in-process)`, lat);
  rows.push([`→ recall@1 of near-duplicates (cos ≈ 0.95); build ${buildS.toFixed(1)} s (${((1000 * buildS) / ENTRIES).toFixed(2)} ms per add)`, `${((100 * found) / queries).toFixed(1)} %`, '']);

  let semanticHits = 0;
  const lookup = await timed(N, async () => {
    const r = await rpc.request(CacheLookupV2, { request_id: 'q', namespace: 'team:sem', request: ask('how can I reset my password on the staff portal'), semantic: local });
    if (r.status === 'semantic-hit') semanticHits++;
  });
  const asked = N + Math.min(200, N); // with the warm-up
  if (semanticHits !== asked) throw new Error(`expected only semantic hits, got ${semanticHits} of ${asked}`);
  row(`cache.lookup.v2 semantic hit over NATS, ${ENTRIES.toLocaleString('en-US')} rows in the scope`, lookup);

  const text = 'How do I reset my password on the staff portal? I tried the link in the email but it expired.';
  row('local near-duplicate vector of a 90-char prompt', (() => {
    const s: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const t = performance.now();
      localVector(text);
      s.push(performance.now() - t);
    }
    return s.sort((a, b) => a - b);
  })());
  await nc.close();
  await cache.close();
}

async function main(): Promise<void> {
  const nats = await startNatsServer();
  try {
    const only = process.env.CACHE_BENCH_ONLY; // hops | e2e | semantic
    if (!only || only === 'hops') await hops(nats.url);
    if (!only || only === 'e2e') await endToEnd(nats.url);
    if (!only || only === 'semantic') await semantic(nats.url);
  } finally {
    await nats.stop();
  }
  console.log(`\n### Cache (${N} sequential requests per row, concurrency 1)\n`);
  console.log('| measure | p50 | p99 |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log('\n`npm run build && node dist/bench/src/cache.js`');
}

runBench(main);
