import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * Strategies through the whole gateway (two ingress, two router replicas, real nats-server):
 * weights hold over 1,000 requests; latency-based routing moves traffic to the faster deployment.
 */
let nats: NatsServerHandle;
let sim: Simulator;
let gws: InProcessGateway[] = [];

async function post(gw: InProcessGateway, i: number, model: string, stream = false): Promise<void> {
  const res = await fetch(`${gw.urls[i % gw.urls.length]}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: `n${i}` }], stream }),
  });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
}

async function load(gw: InProcessGateway, model: string, n: number, concurrency: number, stream = false): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await post(gw, next++, model, stream);
  }));
}

const count = (model: string) => sim.requests.filter((r) => (r.body as { model?: string }).model === model).length;

beforeAll(async () => {
  nats = await startNatsServer();
  sim = await startSimulator({ recordLimit: 20_000 });
  const shuffle = await startInProcessGateway({
    natsUrl: nats.url,
    configYaml: testConfig([
      `  - { model_name: weighted, litellm_params: { model: openai/w-light, api_base: "${sim.url}", weight: 1 } }`,
      `  - { model_name: weighted, litellm_params: { model: openai/w-heavy, api_base: "${sim.url}", weight: 3 } }`,
    ].join('\n')),
  });
  gws.push(shuffle);
}, 60_000);

afterAll(async () => {
  for (const g of gws) await g.close();
  await sim?.close();
  await nats?.stop();
});

beforeEach(() => sim.reset());

it('holds weights 1:3 within statistical tolerance over 1,000 requests across two router replicas', async () => {
  await load(gws[0], 'weighted', 1_000, 8);
  const heavy = count('w-heavy');
  expect(heavy + count('w-light')).toBe(1_000);
  // p = 0.75, n = 1000: σ ≈ 13.7; ±4σ ≈ ±55.
  expect(Math.abs(heavy - 750)).toBeLessThan(55);
}, 60_000);

it('latency-based routing moves traffic to the faster deployment (time to first token for streams)', async () => {
  await gws.shift()!.close(); // services of one NATS share queue groups: one gateway at a time
  const gw = await startInProcessGateway({
    natsUrl: nats.url,
    configYaml: testConfig([
      `  - { model_name: fastest, litellm_params: { model: openai/l-slow, api_base: "${sim.url}" } }`,
      `  - { model_name: fastest, litellm_params: { model: openai/l-fast, api_base: "${sim.url}" } }`,
      'router_settings: { routing_strategy: latency-based-routing }',
    ].join('\n')),
  });
  gws.push(gw);
  sim.faults.latency({ model: 'l-slow', firstByteMs: 40 });
  await load(gw, 'fastest', 200, 4, true);
  const slow = count('l-slow');
  expect(count('l-fast')).toBeGreaterThan(170); // exploration sends a few percent to the slow one
  expect(slow).toBeGreaterThan(0);
  // The slow one recovers and becomes the fast one: exploration notices and traffic moves back.
  sim.reset();
  sim.faults.latency({ model: 'l-fast', firstByteMs: 40 });
  await load(gw, 'fastest', 400, 4, true);
  expect(count('l-slow')).toBeGreaterThan(count('l-fast'));
}, 60_000);
