import OpenAI from 'openai';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { QuotaAdmitV2, RouterCompleteV1 } from '@gatehouse/contracts';
import { readStream } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';
import { startRouter } from '../../services/router/src/main';

/** What the gateway does when a part is slow, gone, restarting, or the client leaves. */
let nats: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;
let nc: NatsConnection;

const client = () => new OpenAI({ baseURL: `${gw.urls[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 10_000 });
const LONG = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');

async function post(body: unknown): Promise<{ status: number; ms: number; body: { error?: { code: string; message: string } } }> {
  const t0 = Date.now();
  const res = await fetch(`${gw.urls[0]}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, ms: Date.now() - t0, body: (await res.json()) as never };
}

const chat = (model = 'sim-model', content = 'hello') => ({ model, messages: [{ role: 'user', content }] });

beforeAll(async () => {
  nats = await startNatsServer();
  sim = await startSimulator();
  gw = await startInProcessGateway({
    natsUrl: nats.url,
    configYaml: testConfig(
      `  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${sim.url}" } }`,
      '  timeouts: { quota_ms: 300, router_accept_ms: 1000 }',
    ),
  });
  nc = await connect({ servers: nats.url });
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await gw?.close();
  await sim?.close();
  await nats?.stop();
});

beforeEach(() => sim.reset());

it('finishes a stream in flight when its router shuts down gracefully, and serves on with the others', async () => {
  sim.faults.latency({ perChunkMs: 20 });
  const stream = await client().chat.completions.create({ ...chat('sim-model', LONG), stream: true } as never);
  const closing = Promise.all(gw.services.router.map((r) => r.close())); // every router drains
  gw.services.router = [await startRouter({ natsUrl: nats.url, config: gw.config })];
  let text = '';
  for await (const c of stream as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>) text += c.choices[0]?.delta?.content ?? '';
  await closing;
  expect(text).toContain('word59');
  sim.faults.latency({ perChunkMs: 0 });
  const after = await client().chat.completions.create(chat() as never);
  expect((after as OpenAI.ChatCompletion).choices[0].message.content).toContain('hello');
});

it('cancels the provider call when the client disconnects, and still records what was generated', async () => {
  sim.faults.latency({ perChunkMs: 30 });
  const abort = new AbortController();
  const res = await fetch(`${gw.urls[0]}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...chat('sim-model', LONG), stream: true }),
    signal: abort.signal,
  });
  const requestId = res.headers.get('x-request-id')!;
  const reader = res.body!.getReader();
  let seen = '';
  while (!seen.includes('word1')) seen += new TextDecoder().decode((await reader.read()).value); // a few words arrived
  abort.abort();
  const event = await waitFor(async () => {
    for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) {
      const d = e.data as { request_id: string };
      if (d.request_id === requestId) return d as unknown as { http_status: number; error: { code: string }; usage: { completion_tokens: number } };
    }
    return null;
  }, 'the failed event');
  expect(event.http_status).toBe(499);
  expect(event.error.code).toBe('client_closed_request');
  expect(event.usage.completion_tokens).toBeGreaterThan(0);
  expect(event.usage.completion_tokens).toBeLessThan(60); // the stream was cut short upstream
  sim.faults.latency({ perChunkMs: 0 });
});

it('asks another router when the one that took the request never accepts it (it died as it was sent)', async () => {
  await Promise.all(gw.services.router.map((r) => r.close()));
  // The only router "dies" with the first request: it takes it and never answers.
  let swallowed!: () => void;
  const taken = new Promise<void>((resolve) => (swallowed = resolve));
  nc.subscribe(RouterCompleteV1.subject, { queue: 'router', max: 1, callback: () => swallowed() });
  await nc.flush();
  const answer = post(chat('sim-model', 'second chance'));
  await taken;
  gw.services.router = [await startRouter({ natsUrl: nats.url, config: gw.config })];
  const r = await answer;
  expect(r.status).toBe(200);
  expect(JSON.stringify(r.body)).toContain('second chance');
  expect(r.ms).toBeGreaterThanOrEqual(1_000); // router_accept_ms: the first ask went unanswered
});

it('answers 503 when quota does not answer in time, never a hang', async () => {
  await Promise.all(gw.services.quota.map((q) => q.close()));
  // Takes every admission (each partition's subject), never replies.
  const silent = nc.subscribe(`${QuotaAdmitV2.subject}.>`, { queue: 'quota', callback: () => undefined });
  await nc.flush();
  const r = await post(chat());
  silent.unsubscribe();
  expect(r.status).toBe(503);
  expect(r.body.error?.code).toBe('service_unavailable');
  expect(r.body.error?.message).toContain('quota service is unavailable: no answer within 300 ms');
  expect(r.ms).toBeLessThan(2_000);
});

it('answers 503 at once when no quota instance runs', async () => {
  const r = await post(chat());
  expect(r.status).toBe(503);
  expect(r.body.error?.message).toContain('quota service is unavailable: no instance is running');
  expect(r.ms).toBeLessThan(250);
});
