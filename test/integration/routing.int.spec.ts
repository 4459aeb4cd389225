import OpenAI from 'openai';
import type { NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { waitFor } from '@gatehouse/testing';
import type { Simulator } from '@gatehouse/simulator';
import { type GatewayStack, startGatewayStack } from '../support/gateway-stack';
import { type InProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * Issue #6 over a real nats-server with two router replicas: the simulator injects 429s with
 * retry-after, 5xx, connect refusals, hangs, slow first tokens, cut streams and in-stream errors;
 * the client sees a success wherever a healthy deployment exists, cooldowns reach both replicas,
 * fallbacks degrade instead of failing, and the data boundary is never crossed.
 */
let stack: GatewayStack | undefined;
let sim: Simulator;
let gw: InProcessGateway;
let nc: NatsConnection;
const EU_KEY = 'sk-gh-eu-only-key-0004';

const client = (url = gw.urls[0], key = TEST_KEY) => new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0, timeout: 15_000 });
const ask = (model: string, content = 'hello', extra: Record<string, unknown> = {}) =>
  ({ model, messages: [{ role: 'user' as const, content }], ...extra }) as OpenAI.ChatCompletionCreateParamsNonStreaming;
const served = (prefix: string) => sim.requests.filter((r) => String((r.body as { model?: string }).model).startsWith(prefix)).map((r) => (r.body as { model: string }).model);

async function cooldownEvent(id: string): Promise<{ deployment_id: string } | null> {
  for await (const e of readStream(nc, 'GH_ROUTER', { from: { first: true } })) {
    const data = e.data as { deployment_id: string };
    if (e.subject.endsWith('deployment_cooled_down.v1') && data.deployment_id === id) return data;
  }
  return null;
}

async function eventFor(requestId: string): Promise<{ route: Record<string, unknown>; http_status: number }> {
  return waitFor(async () => {
    for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) if ((e.data as { request_id: string }).request_id === requestId) return e.data as never;
    return null;
  }, `event of ${requestId}`);
}

beforeAll(async () => {
  stack = await startGatewayStack({}, ({ url }) => {
    const d = (group: string, model: string, more = '') => `  - { model_name: ${group}, litellm_params: { model: openai/${model}, api_base: "${url}"${more} } }`;
    const models = [
      d('pool', 'pool-a'), d('pool', 'pool-b'), d('streamy', 'streamy-a'), d('streamy', 'streamy-b'), d('cutter', 'cutter-a'),
      d('shared', 'shared-a'), d('shared', 'shared-b'), d('spare', 'spare-a'),
      `  - { model_name: refusing, litellm_params: { model: openai/refused, api_base: "http://127.0.0.1:9/v1" } }`, d('refusing', 'refusing-ok'),
      d('primary', 'primary-only'), d('backup', 'backup-only'),
      d('slow', 'slow-a', ', order: 1'), d('slow', 'slow-b', ', order: 2'),
      d('private', 'cloud-us', ', tags: ["region:us-east-1"]'),
      `  - { model_name: private, litellm_params: { model: openai/onprem-eu, api_base: "${url}" }, model_info: { self_hosted: true, region: eu-west-1 } }`,
      d('cloud-only', 'cloud-only'),
      'router_settings:',
      '  num_retries: 2',
      '  allowed_fails: 1',
      '  cooldown_time: 2',
      '  stream_timeout: 0.3',
      '  timeout: 3',
      '  fallbacks: [{ primary: [backup] }, { cloud-only: [private] }]',
    ].join('\n');
    return {
      routerReplicas: 2,
      configYaml: testConfig(models, `    - { key: ${EU_KEY}, key_alias: eu-only, team_id: team-eu, metadata: { required_tags: [self_hosted, "region:eu-west-1|region:eu-central-1"] } }\n  routing: { max_backoff_s: 1 }`),
    };
  });
  ({ sim, gw, nc } = stack);
}, 60_000);

afterAll(() => stack?.close());

beforeEach(() => sim.reset());

describe('retries and failover', () => {
  it('succeeds on the other deployment after a 429 with retry-after, a 5xx or a refused connection, and records every attempt', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 1, model: 'pool-a' });
    sim.faults.rateLimit(1, { retryAfterS: 1, model: 'pool-b' });
    const t0 = Date.now();
    const { data, response } = await client().chat.completions.create(ask('pool', 'after two 429s')).withResponse();
    expect(data.choices[0].message.content).toContain('after two 429s');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // the provider's retry-after was honoured
    const event = await eventFor(response.headers.get('x-request-id')!);
    expect(event.route).toMatchObject({ group: 'pool', strategy: 'simple-shuffle', attempts: 3 });
    expect((event.route.tries as { outcome: string; reason: string }[]).map((t) => `${t.outcome}/${t.reason}`)).toEqual(['rate_limited/strategy', 'rate_limited/retry', 'ok/retry']);
  });

  it('fails over from a refused connection to the healthy deployment', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await client(gw.urls[i % 2]).chat.completions.create(ask('refusing', `refused ${i}`));
      expect(res.choices[0].message.content).toContain(`refused ${i}`);
    }
  });

  it('fails a stream over when the first token is too slow (stream_timeout), and when it is cut or errors before any content', async () => {
    sim.faults.latency({ model: 'slow-a', firstByteMs: 1_000 });
    sim.faults.cutStream(0, { model: 'streamy-a' });
    sim.faults.streamError(1, { model: 'streamy-b' }); // 200, the role chunk, then an error event
    for (const model of ['slow', 'slow', 'slow', 'streamy', 'streamy']) {
      const stream = await client().chat.completions.create({ ...ask(model, 'stream survives'), stream: true });
      let text = '';
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
      expect(text).toContain('stream survives');
    }
    expect(sim.faults.pending()).toHaveLength(0); // both stream faults were hit, and survived
    expect(served('slow-a').length).toBeGreaterThan(0); // order 1 was tried first and timed out
    sim.faults.latency({ model: 'slow-a', firstByteMs: 0 });
  });

  it('ends a stream that breaks after content went out with an error event, never a silent cut', async () => {
    sim.faults.cutStream(3, { times: 2 });
    const stream = await client().chat.completions.create({ ...ask('cutter', 'one two three four five six seven'), stream: true });
    await expect((async () => {
      for await (const _c of stream) void _c;
    })()).rejects.toThrow();
  });
});

describe('cooldowns shared by the router replicas', () => {
  it('sends a failing deployment no traffic on either replica until its cooldown ends', async () => {
    // allowed_fails 1: a replica cools shared-a on its second failure there. Requests alternate
    // ingress replicas (and so, by queue group, routers) until one replica has seen two.
    sim.faults.fail(500, 4, { model: 'shared-a' });
    let cooled: { deployment_id: string } | null = null;
    for (let i = 0; !cooled && i < 40; i++) {
      await client(gw.urls[i % 2]).chat.completions.create(ask('shared', `warm ${i}`));
      cooled = await cooldownEvent('shared#0');
    }
    expect(cooled?.deployment_id).toBe('shared#0');
    sim.faults.clear();
    await new Promise((r) => setTimeout(r, 100)); // the event reaches both replicas
    const before = served('shared-a').length;
    for (let i = 0; i < 20; i++) await client(gw.urls[i % 2]).chat.completions.create(ask('shared', `cool ${i}`));
    expect(served('shared-a').length).toBe(before); // no traffic while cooling, from either replica
    await new Promise((r) => setTimeout(r, 2_100));
    for (let i = 0; i < 20; i++) await client(gw.urls[i % 2]).chat.completions.create(ask('shared', `back ${i}`));
    expect(served('shared-a').length).toBeGreaterThan(before); // traffic again once it ended
  }, 20_000);
});

describe('fallbacks', () => {
  it('degrades to the fallback group when the group is exhausted, and records it', async () => {
    sim.faults.fail(503, 3, { model: 'primary-only' });
    const { data, response } = await client().chat.completions.create(ask('primary', 'degrade')).withResponse();
    expect(data.choices[0].message.content).toContain('degrade');
    const event = await eventFor(response.headers.get('x-request-id')!);
    expect(event.route).toMatchObject({ group: 'backup', fallbacks: [{ from: 'primary', to: 'backup', reason: 'failed' }] });
  });

  it('uses the request\'s own fallbacks instead of the configured ones', async () => {
    sim.faults.fail(500, 3, { model: 'primary-only' });
    const res = await client().chat.completions.create(ask('primary', 'mine', { fallbacks: ['spare'] }));
    expect(res.choices[0].message.content).toContain('mine');
    expect(served('backup-only')).toHaveLength(0);
    expect(sim.requests.every((r) => !('fallbacks' in (r.body as object)))).toBe(true); // never sent to a provider
  });
});

describe('data boundary', () => {
  it('only ever calls deployments inside the key\'s boundary, fallbacks included', async () => {
    for (let i = 0; i < 10; i++) await client(gw.urls[i % 2], EU_KEY).chat.completions.create(ask('private', `eu ${i}`));
    expect(served('cloud-us')).toHaveLength(0);
    expect(served('onprem-eu')).toHaveLength(10);
    const res = await client(gw.urls[0], EU_KEY).chat.completions.create(ask('cloud-only', 'via fallback'));
    expect(res.choices[0].message.content).toContain('via fallback');
    expect(served('cloud-only')).toHaveLength(0);
  });

  it('answers 403 naming the policy when no deployment inside the boundary is left', async () => {
    const err = await client(gw.urls[0], EU_KEY).chat.completions.create(ask('pool', 'nowhere')).catch((e: unknown) => e as { status: number; message: string });
    expect(err).toMatchObject({ status: 403 });
    expect((err as { message: string }).message).toContain('data-boundary policy key "eu-only" metadata.required_tags');
    expect(served('pool')).toHaveLength(0);
  });

  it('fails over inside the boundary rather than leaving it', async () => {
    sim.faults.fail(500, 5, { model: 'onprem-eu' });
    const err = await client(gw.urls[0], EU_KEY).chat.completions.create(ask('private', 'stay inside')).catch((e: unknown) => e as { status: number });
    expect((err as { status: number }).status).toBe(500);
    expect(served('cloud-us')).toHaveLength(0);
  });
});
