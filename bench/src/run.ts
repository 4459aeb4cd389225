/**
 * Hot-path benchmark: the same load sent straight to the provider simulator and through the
 * whole gateway (ingress, identity, quota, guard, cache, router — each its own process — and
 * the ledger consuming events), alternating, on 127.0.0.1. Reports RPS and p50/p99 at 1 and 32
 * connections, the overhead (gateway − direct), streaming time-to-first-byte overhead, and per
 * process CPU time per request and RSS.
 *
 *   npm run bench            (BENCH_SECONDS=3 BENCH_ROUNDS=3 by default)
 *   BENCH_PROFILE=1 npm run bench   also writes a V8 CPU profile per gateway process to bench/out/profiles/
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, freePort, startNatsServer, type TestDatabase } from '@gatehouse/testing';
import { runLoad, type LoadSpec } from './load';
import { cpuSeconds, type Proc, rssMiB, spawnNode, stopAll } from './procs';
import { median, type Summary } from './stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DIST = resolve(__dirname, '../..');
const PROVIDER_KEY = 'sk-bench-provider-key';
const GATEWAY_KEY = 'sk-gh-bench-key-0001';
const SERVICES = ['identity', 'quota', 'guard', 'cache', 'router', 'ledger', 'ingress'] as const;

const body = (stream: boolean) =>
  JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'Hello, benchmark' }], max_tokens: 16, stream });

async function main(): Promise<void> {
  const procs: Proc[] = [];
  const nats = await startNatsServer();
  let db: TestDatabase | null = null;
  try {
    const sim = await spawnNode('simulator', join(DIST, 'test/simulator/src/main.js'), ['--api-key', PROVIDER_KEY, '--record-limit', '0'], process.env, /^http/);
    procs.push(sim.proc);
    const simUrl = sim.line.trim();
    db = await createTestDatabase('gh_bench').catch(() => null);
    const dir = mkdtempSync(join(tmpdir(), 'gh-bench-'));
    const configPath = join(dir, 'gateway.yaml');
    const simOrigin = new URL(simUrl).origin;
    writeFileSync(
      configPath,
      `model_list:\n  - model_name: bench-model\n    litellm_params: { model: openai/bench-model, api_base: "${simUrl}", api_key: ${PROVIDER_KEY} }\n` +
        `  - model_name: bench-claude\n    litellm_params: { model: anthropic/bench-claude, api_base: "${simOrigin}", api_key: ${PROVIDER_KEY} }\n` +
        `gatehouse:\n  keys: [{ key: ${GATEWAY_KEY}, key_alias: bench }]\n`,
    );
    const port = await freePort();
    const env = { ...process.env, NATS_URL: nats.url, GATEHOUSE_CONFIG: configPath, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: db?.url ?? '' };
    const gateway: Proc[] = [];
    for (const s of SERVICES) {
      if (s === 'ledger' && !db) continue;
      const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(DIST, '../bench/out/profiles'), `--cpu-prof-name=${s}.cpuprofile`] : [];
      const { proc } = await spawnNode(s, join(DIST, `services/${s}/src/main.js`), [], env, new RegExp(`"${s} ready"`), profile);
      gateway.push(proc);
      procs.push(proc);
    }
    // Every process the gateway adds, NATS included (the simulator is the provider: not counted).
    const measured = [...gateway.map((p) => ({ name: p.name, pid: p.child.pid! })), { name: 'nats-server', pid: nats.pid }];
    const direct = (c: number, stream = false): LoadSpec => ({
      origin: simOrigin, path: '/v1/chat/completions', body: body(stream), concurrency: c, seconds: SECONDS, firstByte: stream,
      headers: { authorization: `Bearer ${PROVIDER_KEY}`, 'content-type': 'application/json' },
    });
    const through = (c: number, stream = false): LoadSpec => ({
      ...direct(c, stream), origin: `http://127.0.0.1:${port}`, headers: { authorization: `Bearer ${GATEWAY_KEY}`, 'content-type': 'application/json' },
    });

    await runLoad({ ...through(8), seconds: 2 }); // warm-up: JIT, pools, caches
    await runLoad({ ...direct(8), seconds: 1 });

    const lines: string[] = [];
    const cpuPerReq: Record<string, number[]> = {};
    // Streams in another dialect: the first translated chunk must leave as soon as the first
    // upstream chunk arrives (no buffering), so their TTFB overhead should match the plain stream's.
    const anthropicBody = JSON.stringify({ model: 'bench-claude', max_tokens: 16, stream: true, messages: [{ role: 'user', content: 'Hello, benchmark' }] });
    const anthropicDirect: LoadSpec = {
      origin: simOrigin, path: '/v1/messages', body: anthropicBody, concurrency: 1, seconds: SECONDS, firstByte: true,
      headers: { 'x-api-key': PROVIDER_KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    };
    const cases: [string, number, LoadSpec, LoadSpec][] = [
      ['c=1', 1, direct(1), through(1)],
      ['c=32', 32, direct(32), through(32)],
      ['stream TTFB c=1', 1, direct(1, true), through(1, true)],
      ['stream TTFB, Anthropic client → OpenAI backend', 1, direct(1, true), { ...through(1, true), path: '/v1/messages', body: anthropicBody.replace('bench-claude', 'bench-model') }],
      ['stream TTFB, OpenAI client → Anthropic backend', 1, anthropicDirect, { ...through(1, true), body: body(true).replace('bench-model', 'bench-claude') }],
    ];
    for (const [label, c, directSpec, gatewaySpec] of cases) {
      const d: Summary[] = [];
      const g: Summary[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        d.push(await runLoad(directSpec));
        const before = measured.map((p) => cpuSeconds(p.pid));
        const s = await runLoad(gatewaySpec);
        g.push(s);
        if (c === 32) measured.forEach((p, i) => (cpuPerReq[p.name] ??= []).push(((cpuSeconds(p.pid) - before[i]) / Math.max(1, s.n)) * 1e6));
      }
      const m = (xs: Summary[], k: keyof Summary) => median(xs.map((x) => x[k]));
      lines.push(
        `| ${label} | ${m(d, 'rps').toFixed(0)} | ${m(g, 'rps').toFixed(0)} | ${m(d, 'p50').toFixed(3)} | ${m(g, 'p50').toFixed(3)} | ${(m(g, 'p50') - m(d, 'p50')).toFixed(3)} | ${m(d, 'p99').toFixed(3)} | ${m(g, 'p99').toFixed(3)} | ${(m(g, 'p99') - m(d, 'p99')).toFixed(3)} | ${m(g, 'errors')} |`,
      );
    }
    const procLines = measured.map((p) => `| ${p.name} | ${median(cpuPerReq[p.name] ?? [NaN]).toFixed(0)} | ${rssMiB(p.pid).toFixed(0)} |`);
    const totalCpu = measured.reduce((sum, p) => sum + median(cpuPerReq[p.name] ?? [0]), 0);
    const out = [
      `Benchmark ${new Date().toISOString()} — ${SECONDS}s per run, ${ROUNDS} alternating rounds, median of rounds; latency in ms.`,
      '',
      '| load | direct RPS | gateway RPS | direct p50 | gateway p50 | overhead p50 | direct p99 | gateway p99 | overhead p99 | gateway errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...lines,
      '',
      '| process | CPU µs per request (c=32 runs) | RSS MiB at end |',
      '| --- | --- | --- |',
      ...procLines,
      `| **all gateway processes** | **${totalCpu.toFixed(0)}** | |`,
      db ? '' : '\n(ledger not running: no Postgres reachable for a bench database)',
    ].join('\n');
    process.stdout.write(`${out}\n`);
    mkdirSync(join(__dirname, '../../../bench/out'), { recursive: true });
    writeFileSync(join(__dirname, '../../../bench/out/latest.md'), `${out}\n`);
  } finally {
    await stopAll(procs);
    await nats.stop();
    await db?.drop().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
