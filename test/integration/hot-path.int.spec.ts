import OpenAI from 'openai';
import type { NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import type { Simulator } from '@gatehouse/simulator';
import { type GatewayStack, startGatewayStack } from '../support/gateway-stack';
import { type InProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * The whole hot path over a real nats-server: two ingress and two router replicas, identity,
 * quota, guard and cache, called with the official openai SDK. Providers: the built-in mock and
 * the project's OpenAI simulator.
 */
const SIM_KEY = 'sk-sim-provider-secret-0123456789';

let stack: GatewayStack | undefined;
let sim: Simulator;
let gw: InProcessGateway;
let nc: NatsConnection;

function client(baseURL = `${gw.urls[0]}/v1`, apiKey = TEST_KEY) {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 15_000 });
}

async function events(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) out.push(e.data as Record<string, unknown>);
  return out;
}

async function eventFor(requestId: string) {
  return waitFor(async () => (await events()).find((e) => e.request_id === requestId), `event of ${requestId}`);
}

beforeAll(async () => {
  process.env.GH_TEST_SIM_KEY = SIM_KEY;
  stack = await startGatewayStack({ apiKey: SIM_KEY }, ({ url }) => {
    const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model, input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 } }
  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${url}", api_key: os.environ/GH_TEST_SIM_KEY } }
  - { model_name: sim-failover, litellm_params: { model: openai/sim-a, api_base: "http://127.0.0.1:9/v1", api_key: os.environ/GH_TEST_SIM_KEY } }
  - { model_name: sim-failover, litellm_params: { model: openai/sim-b, api_base: "${url}", api_key: os.environ/GH_TEST_SIM_KEY } }`;
    return { configYaml: testConfig(models, '  max_request_body_bytes: 20000\n  timeouts: { stream_idle_ms: 3000 }') };
  });
  ({ sim, gw, nc } = stack);
}, 60_000);

afterAll(() => stack?.close());

beforeEach(() => sim.reset());

describe('chat completions through the gateway', () => {
  it('answers a plain request from the mock model on every ingress replica', async () => {
    for (const url of gw.urls) {
      const res = await client(`${url}/v1`).chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'hello there' }] });
      expect(res.choices[0].message.content).toContain('hello there');
      expect(res.usage?.total_tokens).toBeGreaterThan(0);
    }
  });

  it('streams the same answer it gives in one piece', async () => {
    const messages = [{ role: 'user' as const, content: 'stream me a reply please' }];
    const whole = await client().chat.completions.create({ model: 'mock-model', messages });
    const stream = await client(`${gw.urls[1]}/v1`).chat.completions.create({ model: 'mock-model', messages, stream: true });
    let text = '';
    let chunks = 0;
    for await (const c of stream) {
      chunks++;
      text += c.choices[0]?.delta?.content ?? '';
    }
    expect(chunks).toBeGreaterThan(2);
    expect(text).toBe(whole.choices[0].message.content);
  });

  it('calls an OpenAI-compatible server with the deployment key, which the client never sees', async () => {
    const { data, response } = await client().chat.completions
      .create({ model: 'sim-model', messages: [{ role: 'user', content: 'ping the simulator' }] })
      .withResponse();
    expect(data.choices[0].message.content).toContain('ping the simulator');
    expect(sim.requestCount('/v1/chat/completions')).toBe(1);
    expect(sim.requests[0].body).toMatchObject({ model: 'sim-model' });
    const requestId = response.headers.get('x-request-id')!;
    const event = await eventFor(requestId);
    expect(event).toMatchObject({ model: 'sim-model', key_alias: 'test', team_id: 'team-test', http_status: 200, route: { provider: 'openai' } });
    expect(JSON.stringify(event)).not.toContain(SIM_KEY);
    expect(JSON.stringify(event)).not.toContain(TEST_KEY);
  });

  it('streams from the simulator and reports usage only when asked', async () => {
    const stream = await client().chat.completions.create({
      model: 'sim-model', messages: [{ role: 'user', content: 'count my tokens' }], stream: true, stream_options: { include_usage: true },
    });
    let usage: unknown = null;
    for await (const c of stream) if (c.usage) usage = c.usage;
    expect(usage).toMatchObject({ total_tokens: expect.any(Number) });
    const plain = await client().chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'x' }], stream: true });
    for await (const c of plain) expect(c.usage ?? null).toBeNull();
    // The router asked the provider for usage both times, to bill.
    expect(sim.requests.every((r) => (r.body as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage)).toBe(true);
  });

  it('fails over to another deployment when the first refuses connections', async () => {
    const res = await client().chat.completions.create({ model: 'sim-failover', messages: [{ role: 'user', content: 'fail over' }] });
    expect(res.choices[0].message.content).toContain('fail over');
  });

  it('retries a 429 before the first byte and the client sees a success', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 0 });
    const res = await client().chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'after a 429' }] });
    expect(res.choices[0].message.content).toContain('after a 429');
    expect(sim.requestCount('/v1/chat/completions')).toBe(2);
  });

  it('ends a stream cut midway with an error, never a silent truncation', async () => {
    sim.faults.cutStream(2);
    const stream = await client().chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'one two three four five six seven' }], stream: true });
    await expect(async () => {
      for await (const _ of stream) void _;
    }).rejects.toThrow();
  });

  it('keeps the upstream status of a provider error', async () => {
    sim.faults.fail(400, 1, { message: 'bad things in the request' });
    const err = await client().chat.completions.create({ model: 'sim-model', messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.message).toContain('bad things in the request');
  });

  it('records the request event with cost and a message id equal to the request id', async () => {
    const { response } = await client().chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'bill me' }] }).withResponse();
    const id = response.headers.get('x-request-id')!;
    const event = (await eventFor(id)) as { cost: { usd: number }; usage: { total_tokens: number } };
    expect(event.usage.total_tokens).toBeGreaterThan(0);
    expect(event.cost.usd).toBeGreaterThan(0);
    const all = await events();
    expect(all.filter((e) => e.request_id === id)).toHaveLength(1);
  });
});

describe('errors in the OpenAI shape', () => {
  async function raw(body: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${gw.urls[0]}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as { error: { message: string; type: string; code: string } } };
  }

  it('401 for a missing or unknown key', async () => {
    const missing = await raw('{}', { authorization: '' });
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('invalid_api_key');
    await expect(client(undefined, 'sk-gh-not-a-real-key').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('400 for malformed JSON and for an invalid request', async () => {
    const bad = await raw('{"model": "mock-model", "messages": [');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const invalid = await raw(JSON.stringify({ model: 'mock-model', messages: [] }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('messages');
  });

  it('404 model_not_found for an unknown model', async () => {
    const r = await raw(JSON.stringify({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }));
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('model_not_found');
  });

  it('403 for a model outside the key scope', async () => {
    const r = await raw(JSON.stringify({ model: 'sim-model', messages: [{ role: 'user', content: 'x' }] }), { authorization: 'Bearer sk-gh-scoped-key-0003' });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('sim-model');
  });

  it('413 for a body over the configured limit', async () => {
    const r = await raw(JSON.stringify({ model: 'mock-model', messages: [{ role: 'user', content: 'x'.repeat(30_000) }] }));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('request_too_large');
  });

  it('404 in the same shape for an unknown route', async () => {
    const res = await fetch(`${gw.urls[0]}/v1/nothing-here`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBeTruthy();
  });

  it('429 with retry-after and rate-limit headers once the key rpm is spent', async () => {
    const limited = client(undefined, 'sk-gh-limited-key-0002');
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => limited.chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'x' }] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused.reason.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.reason.headers.get('x-ratelimit-limit-requests')).toBe('3');
    expect(refused.reason.code).toBe('rate_limit_exceeded');
  });
});

describe('models and health', () => {
  it('lists the models a key may call', async () => {
    const ids = (await client().models.list()).data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['mock-model', 'sim-model', 'sim-failover']));
    const scoped = (await client(undefined, 'sk-gh-scoped-key-0003').models.list()).data.map((m) => m.id);
    expect(scoped).toEqual(['mock-model']);
  });

  it('answers /health without a key', async () => {
    const res = await fetch(`${gw.urls[0]}/health`);
    expect(res.status).toBe(200);
  });
});
