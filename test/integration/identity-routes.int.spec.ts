import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { isPublicRoute } from '../../services/ingress/src/auth/auth.guard';
import { type InProcessGateway, startInProcessGateway, testConfig } from '../support/in-process-gateway';

/**
 * Every route ingress registers, present and future, authenticates: walked from Fastify's own
 * route table, each one except the public allow-list (`/health*`) must answer 401 in the OpenAI
 * error shape without credentials and with a wrong key.
 */
let nats: NatsServerHandle;
let gw: InProcessGateway;
let routes: { method: string; url: string }[];

beforeAll(async () => {
  nats = await startNatsServer();
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig('  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }'), ingressReplicas: 1, routerReplicas: 1 });
  routes = (gw.services.ingress[0] as unknown as { routes: { method: string; url: string }[] }).routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await nats?.stop();
});

const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, 'x').replace(/\*/g, 'x');

it('finds the routes it guards (chat, models, the admin API)', () => {
  const urls = routes.map((r) => `${r.method} ${r.url}`);
  for (const u of ['POST /v1/chat/completions', 'GET /v1/models', 'POST /key/generate', 'GET /key/info', 'POST /key/:key/regenerate', 'GET /team/list']) {
    expect(urls).toContain(u);
  }
});

it('every non-public route answers 401 without credentials and with a wrong key', async () => {
  const guarded = routes.filter((r) => !isPublicRoute(r.url));
  expect(guarded.length).toBeGreaterThan(10);
  const failures: string[] = [];
  for (const r of guarded) {
    for (const auth of [undefined, 'Bearer sk-gh-wrong-key-000000000000']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth) headers.authorization = auth;
      const res = await fetch(`${gw.urls[0]}${concrete(r.url)}`, { method: r.method, headers, body: r.method === 'GET' ? undefined : '{}' });
      const body = (await res.json().catch(() => null)) as { error?: { type?: string }; type?: string } | null;
      const shaped = body?.error?.type === 'authentication_error' || body?.type === 'error';
      if (res.status !== 401 || !shaped) failures.push(`${r.method} ${r.url} (${auth ? 'wrong key' : 'no key'}) → ${res.status}`);
    }
  }
  expect(failures).toEqual([]);
});

it('the public allow-list is only /health*', async () => {
  const open = routes.filter((r) => isPublicRoute(r.url)).map((r) => r.url);
  expect(open.every((u) => u === '/health' || u.startsWith('/health/'))).toBe(true);
  expect((await fetch(`${gw.urls[0]}/health/liveliness`)).status).toBe(200);
});
