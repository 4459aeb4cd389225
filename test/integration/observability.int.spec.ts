import OpenAI from 'openai';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { pingAll } from '@gatehouse/nats';
import { metricsRegistry, startTracing } from '@gatehouse/telemetry';
import { createTestDatabase, type NatsServerHandle, startNatsServer, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';
import { type RunningLedger, startLedger } from '../../services/ledger/src/main';

/** One request is one trace across every NATS hop; metrics count it; every replica answers ping. */
const exporter = new InMemorySpanExporter();
let tracing: { shutdown(): Promise<void> };
let nats: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;
let nc: NatsConnection;
let db: TestDatabase;
let ledger: RunningLedger;

beforeAll(async () => {
  tracing = startTracing('test', { exporter });
  nats = await startNatsServer();
  sim = await startSimulator();
  gw = await startInProcessGateway({
    natsUrl: nats.url,
    // Priced (cost by team), team-test opted into the cache (a cache hop in the trace), and a pool
    // of two deployments with a backup group (retry, cooldown and fallback counters).
    configYaml: testConfig(
      [
        `  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${sim.url}", input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 } }`,
        `  - { model_name: sim-pool, litellm_params: { model: openai/pool-a, api_base: "${sim.url}" } }`,
        `  - { model_name: sim-pool, litellm_params: { model: openai/pool-b, api_base: "${sim.url}" } }`,
        `  - { model_name: sim-backup, litellm_params: { model: openai/sim-backup, api_base: "${sim.url}" } }`,
      ].join('\n'),
      ['  cache: { teams: [team-test] }', '  timeouts: { cache_ms: 10000 } # a cold first look-up may pass 300 ms on a loaded box', 'litellm_settings: { cache: true }', 'router_settings: { num_retries: 1, allowed_fails: 0, cooldown_time: 1, fallbacks: [{ sim-pool: [sim-backup] }] }'].join('\n'),
    ),
  });
  nc = await connect({ servers: nats.url });
  // The ledger's projections report their JetStream lag (consumer pending).
  db = await createTestDatabase('gh_obs');
  ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 10 });
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await gw?.close();
  await ledger?.close();
  await db?.drop();
  await sim?.close();
  await nats?.stop();
  await tracing?.shutdown();
});

it('links every hop of one request into one trace, with GenAI attributes on the provider call', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const openai = new OpenAI({ baseURL: `${gw.urls[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0, defaultHeaders: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
  exporter.reset();
  await openai.chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'trace me' }] });
  await new Promise((r) => setTimeout(r, 50));
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const names = spans.map((s) => s.name);
  // Whatever contract version each hop speaks, each has a client span in ingress and a server span.
  for (const service of ['identity', 'quota', 'guard', 'cache']) {
    expect(names.some((n) => n.startsWith(`send gh.rpc.${service}.`))).toBe(true);
    expect(names.some((n) => n.startsWith(`process gh.rpc.${service}.`))).toBe(true);
  }
  expect(names).toContain('process gh.rpc.router.complete.v1');
  // Ingress's server span continues the client's trace and parents every hop it makes.
  const root = spans.find((s) => s.name === 'POST /v1/chat/completions')!;
  expect(root.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  expect(root.attributes).toMatchObject({
    'http.response.status_code': 200, 'gen_ai.request.model': 'sim-model', 'gen_ai.system': 'openai', 'gatehouse.team_id': 'team-test',
    'gatehouse.key_id': expect.any(String), 'gatehouse.cache': 'miss', 'gatehouse.guard': 'allow',
  });
  expect(spans.find((s) => s.name.startsWith('send gh.rpc.guard.'))!.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
  const provider = spans.find((s) => s.name === 'chat sim-model')!;
  expect(provider.attributes).toMatchObject({ 'gen_ai.system': 'openai', 'gen_ai.request.model': 'sim-model', 'gen_ai.usage.input_tokens': expect.any(Number) });
  // The provider call is a child of the router's server span.
  const routerSpan = spans.find((s) => s.name === 'process gh.rpc.router.complete.v1')!;
  expect(provider.parentSpanContext?.spanId).toBe(routerSpan.spanContext().spanId);
  // Each service's server span is the child of ingress's client span for it.
  const send = spans.find((s) => s.name.startsWith('send gh.rpc.guard.scan.'))!;
  const serve = spans.find((s) => s.name.startsWith('process gh.rpc.guard.scan.'))!;
  expect(serve.parentSpanContext?.spanId).toBe(send.spanContext().spanId);
});

it('counts hops, attempts, retries, fallbacks, cooldowns, cache, guard, tokens and cost in Prometheus metrics', async () => {
  const openai = new OpenAI({ baseURL: `${gw.urls[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  // A stream (time to first token); the trace test's question again (a cache hit); a pool whose
  // two deployments both fail once (each is cooled, the second try is a retry, then the fallback).
  const stream = await openai.chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'stream me' }], stream: true });
  let streamed = '';
  for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
  expect(streamed.length).toBeGreaterThan(0);
  await waitFor(async () => {
    const r = await openai.chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'trace me' }] }).withResponse();
    return /gatehouse_cache_lookups_total\{status="hit"[^}]*\} [1-9]/.test(await metricsRegistry.metrics()) ? r : null;
  }, 'a cache hit');
  sim.faults.fail(500, 1, { model: 'pool-a' });
  sim.faults.fail(500, 1, { model: 'pool-b' });
  const fellBack = await openai.chat.completions.create({ model: 'sim-pool', messages: [{ role: 'user', content: 'fall back' }] });
  expect(fellBack.choices[0].message.content).toBeTruthy();
  expect(sim.faults.pending()).toEqual([]);

  const text = await metricsRegistry.metrics();
  expect(text).toMatch(/gatehouse_nats_rpc_client_duration_seconds_count\{[^}]*subject="gh.rpc.guard.scan.v\d"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_nats_rpc_server_duration_seconds_count\{[^}]*subject="gh.rpc.quota.admit.v2"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_router_attempts_total\{[^}]*deployment="sim-model#0",outcome="ok"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_router_attempts_total\{[^}]*deployment="sim-pool#[01]",outcome="(?!ok)[^"]+"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_router_retries_total\{model="sim-pool"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_router_fallbacks_total\{from="sim-pool",to="sim-backup"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_router_cooldowns_total\{deployment="sim-pool#[01]"[^}]*\} [1-9]/);
  expect(text).toMatch(/gen_ai_client_operation_duration_seconds_count\{[^}]*gen_ai_system="openai"/);
  expect(text).toMatch(/gen_ai_server_time_to_first_token_seconds_count\{[^}]*gen_ai_request_model="sim-model"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_requests_total\{[^}]*endpoint="\/v1\/chat\/completions",model="sim-model",provider="openai"[^}]*status="200"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_request_duration_seconds_count\{[^}]*model="sim-model"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_cache_lookups_total\{status="miss"[^}]*\} [1-9]/);
  expect(text).toMatch(/gatehouse_guard_verdicts_total\{action="allow"[^}]*\} [1-9]/);
  expect(text).toMatch(/gen_ai_client_token_usage\{[^}]*team="team-test"[^}]*gen_ai_token_type="output"[^}]*\} [1-9]/);
  // The ledger applied the request events: its projection's lag is exported (0 once caught up).
  await waitFor(async () => /gatehouse_jetstream_consumer_pending\{stream="GH_REQUEST"[^}]*\} 0\b/.test(await metricsRegistry.metrics()), 'the ledger projection lag at 0');
  expect(text).toMatch(/gatehouse_cost_usd_total\{team="team-test",model="sim-model"[^}]*\} [0-9.e-]*[1-9]/);
});

it('answers ping from every replica, with the router reporting its deployments', async () => {
  const all = await pingAll(nc);
  expect(all.router).toHaveLength(2);
  expect(all.identity).toHaveLength(1);
  const deployments = all.router.flatMap((r) => Object.keys((r.details?.deployments as object) ?? {}));
  expect(deployments).toContain('sim-model#0');
});

it('serves the same metrics as Prometheus text over HTTP, with readiness', async () => {
  const { startMetricsServer } = await import('@gatehouse/telemetry');
  const { freePort } = await import('@gatehouse/testing');
  const port = await freePort();
  const server = await startMetricsServer(port, () => true);
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/gatehouse_requests_total\{[^}]*status="200"[^}]*\} [1-9]/);
    expect(text).toContain('gatehouse_process_cpu_seconds_total');
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
  } finally {
    server.close();
  }
});
