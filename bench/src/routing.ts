/**
 * Routing benchmark (issue #6, docs/adr/0007), in one process:
 * 1. Decision time per strategy: `RoutingState.select` on a group of 4 deployments with measured
 *    latency, in-flight and usage figures, one `order` tier cooling down (p50/p99, µs).
 * 2. The cost of a failover: the same non-streaming request through `runCompletion` and the real
 *    OpenAI adapter against the provider simulator, healthy vs. with the first deployment
 *    answering 500; extra latency minus the failed attempt's own duration is what routing adds.
 *
 *   npm run build && node dist/bench/src/routing.js      (ROUTING_BENCH_N=20000 decisions, ROUTING_BENCH_REQ=300 requests)
 */
import type { EndFrame, ErrorFrame } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { adapterFor } from '@gatehouse/providers';
import { start as startSimulator } from '@gatehouse/simulator';
import { type Deployments, type FrameSink, runCompletion } from '../../services/router/src/complete/run-completion';
import { RoutingState } from '../../services/router/src/routing/routing-state';
import { type RoutingSettings, Strategy } from '../../services/router/src/routing/routing-settings';
import { quantile } from './stats';

const N = Number(process.env.ROUTING_BENCH_N ?? 20_000);
const REQ = Number(process.env.ROUTING_BENCH_REQ ?? 300);

const settings = (strategy: Strategy): RoutingSettings => ({
  strategy, numRetries: 2, minBackoffMs: 0, maxBackoffMs: 0, allowedFails: 3, cooldownMs: 5_000, failWindowMs: 60_000,
  fallbacks: new Map(), contextWindowFallbacks: new Map(), contentPolicyFallbacks: new Map(), latencyExplore: 0.05, auto: null,
});

const dep = (id: string, apiBase: string, o: Partial<Deployment> = {}): Deployment => ({
  id, group: 'g', provider: 'openai', providerModel: id, apiBase, apiKey: null, apiVersion: null, rpm: 10_000, tpm: 1_000_000,
  timeoutMs: 10_000, streamTimeoutMs: null, weight: 1, order: null, maxRetries: null, inputCostPerToken: 1e-6, outputCostPerToken: 2e-6,
  tags: ['region:eu-west-1'], extra: {}, modelInfo: {}, ...o,
});

function decisions(): { strategy: string; p50: number; p99: number }[] {
  const group = [dep('a', 'x', { order: 1 }), dep('b', 'x', { order: 2, weight: 2 }), dep('c', 'x', { order: 2, inputCostPerToken: 5e-7 }), dep('d', 'x', { order: 2 })];
  const out = [];
  for (const strategy of Object.values(Strategy)) {
    const state = new RoutingState(settings(strategy), 'bench');
    const now = Date.now();
    for (const [i, d] of group.entries()) {
      for (let k = 0; k < 50; k++) state.started(d, now - k * 1000, 100);
      state.stats.observeLatency(d.id, true, 100 + i * 20);
    }
    // Cool `a` (order 1) so every decision has to look past the first tier.
    for (let k = 0; k < 4; k++) state.finished(group[0], now, { stream: true, outcome: 'server', blames: true, latencyMs: null, completionTokens: 0, groupSize: 4 });
    const req = { stream: true, skip: new Set<string>(), requiredTags: ['region:eu-west-1'], tokens: 100 };
    const samples: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = process.hrtime.bigint();
      state.select(group, req, now);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    samples.sort((x, y) => x - y);
    out.push({ strategy, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) });
  }
  return out;
}

async function failover(): Promise<{ healthy: number; failover: number; failedAttempt: number }> {
  const sim = await startSimulator({ recordLimit: 0 });
  try {
    const adapter = adapterFor('openai')!;
    const bad = dep('bad', sim.url, { order: 1 });
    const good = dep('good', sim.url, { order: 2 });
    const deployments: Deployments = { group: () => [bad, good], routable: (d) => ({ deployment: d, adapter, apiKey: null, params: {} }), numRetries: 2 };
    const one = async (failFirst: boolean) => {
      if (failFirst) sim.faults.fail(500, 1, { model: 'bad' });
      // allowed_fails high: the failing deployment must be tried every time, never cooled.
      const routing = new RoutingState({ ...settings(Strategy.simpleShuffle), allowedFails: 1e9 }, 'bench');
      let frame: EndFrame | ErrorFrame | null = null;
      const sink: FrameSink = { signal: new AbortController().signal, chunk: async () => true, end: (f) => (frame = f), error: (f) => (frame = f) };
      const t0 = performance.now();
      await runCompletion({ request_id: 'b', model: 'g', stream: false, request: { model: 'g', messages: [{ role: 'user', content: 'bench' }], max_tokens: 8 } }, sink, deployments, routing);
      const ms = performance.now() - t0;
      const tries = (frame as EndFrame | null)?.route.tries ?? [];
      return { ms, failed: tries.filter((t) => t.outcome !== 'ok').reduce((s, t) => s + t.duration_ms, 0) };
    };
    for (let i = 0; i < 50; i++) await one(i % 2 === 0); // warm up pools and JIT
    const healthy: number[] = [];
    const failed: number[] = [];
    const failedAttempt: number[] = [];
    for (let i = 0; i < REQ; i++) {
      healthy.push((await one(false)).ms);
      const f = await one(true);
      failed.push(f.ms);
      failedAttempt.push(f.failed);
    }
    const p50 = (xs: number[]) => quantile([...xs].sort((x, y) => x - y), 0.5);
    return { healthy: p50(healthy), failover: p50(failed), failedAttempt: p50(failedAttempt) };
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  const rows = decisions();
  const f = await failover();
  const fmt = (n: number) => n.toFixed(2);
  const lines = [
    `# Routing benchmark (node ${process.version}, ${N} decisions per strategy, ${REQ} request pairs)`,
    '',
    '| strategy | decision p50 (µs) | decision p99 (µs) |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.strategy} | ${fmt(r.p50)} | ${fmt(r.p99)} |`),
    '',
    '| failover (non-stream, simulator on 127.0.0.1) | p50 (ms) |',
    '| --- | ---: |',
    `| healthy request | ${fmt(f.healthy)} |`,
    `| first deployment answers 500, second serves | ${fmt(f.failover)} |`,
    `| the failed attempt itself | ${fmt(f.failedAttempt)} |`,
    `| extra beyond the failed attempt | ${fmt(f.failover - f.healthy - f.failedAttempt)} |`,
    '',
    'command: npm run build && node dist/bench/src/routing.js',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
