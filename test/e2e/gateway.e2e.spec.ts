import OpenAI from 'openai';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import { createTestDatabase, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type LaunchedGateway, launchGateway } from '../support/launched-gateway';
import { TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * The built gateway as `npm start` runs it — every service its own process, two ingress and two
 * router replicas — called with the official openai SDK, with the ledger writing to Postgres.
 */
const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
let sim: Simulator;
let db: TestDatabase;
let gw: LaunchedGateway;
let pg: Client;

const client = (port: number) => new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 20_000 });

async function auditRows(requestId: string): Promise<number> {
  const r = await pg.query('SELECT count(*)::int AS n FROM audit_entries WHERE request_id = $1', [requestId]);
  return r.rows[0].n as number;
}

beforeAll(async () => {
  sim = await startSimulator();
  db = await createTestDatabase('gh_e2e');
  gw = await launchGateway({
    configYaml: testConfig(`
  - { model_name: mock-model, litellm_params: { model: mock/mock-model } }
  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${sim.url}", api_key: sk-e2e-provider-key-000 } }`),
    databaseUrl: db.url,
    replicas: { ingress: 2, router: 2 },
  });
  // The banner comes after the launcher's 15 s readiness wait even when a worker is slower than
  // that (a loaded machine): wait until both workers said they listen.
  await waitFor(() => {
    const ingress = gw.pids('ingress');
    return ingress.length === 2 && ingress.every((pid) => gw.reportedReady('ingress', pid));
  }, 'both ingress workers ready', 60_000, 250);
  pg = new Client({ connectionString: db.url });
  await pg.connect();
}, 150_000);

afterAll(async () => {
  await pg?.end();
  const code = await gw?.stop();
  await sim?.close();
  await db?.drop();
  expect(code).toBe(0); // a clean, ordered shutdown
}, 60_000);

/**
 * Runs `fn` with a client on a connection of its own (an undici Agent used once, closed after):
 * the launcher hands each new connection to the next ingress worker, while a keep-alive client
 * would stay on the worker of its first connection.
 */
async function onFreshConnection<T>(fn: (client: OpenAI) => Promise<T>): Promise<T> {
  const agent = new Agent({ connections: 1 });
  const fetchOnce = (url: string | URL | Request, init?: RequestInit) =>
    undiciFetch(url as string, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  try {
    return await fn(new OpenAI({ baseURL: `http://127.0.0.1:${gw.port}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 20_000, fetch: fetchOnce }));
  } finally {
    await agent.close();
  }
}

it('answers plain and streaming requests on every ingress worker, each naming itself in x-gatehouse-ingress', async () => {
  const workers = gw.ports.map((_, i) => String(i)); // the launcher's replica indexes
  const seen = new Map<string, Set<'plain' | 'stream'>>();
  const complete = () => workers.every((w) => seen.get(w)?.size === 2);
  const note = (worker: string | null, kind: 'plain' | 'stream') => {
    expect(workers).toContain(worker);
    seen.set(worker!, (seen.get(worker!) ?? new Set()).add(kind));
  };
  const plain = (n: number) =>
    onFreshConnection(async (client) => {
      const { data, response } = await client.chat.completions
        .create({ model: 'sim-model', messages: [{ role: 'user', content: `hello ${n}` }] })
        .withResponse();
      expect(data.choices[0].message.content).toContain(`hello ${n}`);
      note(response.headers.get('x-gatehouse-ingress'), 'plain');
    });
  const streamed = (n: number) =>
    onFreshConnection(async (client) => {
      const { data: stream, response } = await client.chat.completions
        .create({ model: 'mock-model', messages: [{ role: 'user', content: `stream this please ${n}` }], stream: true })
        .withResponse();
      let text = '';
      for await (const c of stream) text += c.choices[0]?.delta?.content ?? '';
      expect(text).toContain(`stream this please ${n}`);
      note(response.headers.get('x-gatehouse-ingress'), 'stream');
    });
  // Round robin alternates workers connection by connection; swapping the order every round puts
  // each kind of request on each worker. Bounded in count and time, whatever the scheduling.
  const deadline = Date.now() + 30_000;
  for (let round = 0; round < 10 && !complete() && Date.now() < deadline; round++) {
    if (round % 2 === 0) {
      await plain(round);
      await streamed(round);
    } else {
      await streamed(round);
      await plain(round);
    }
  }
  expect(Object.fromEntries([...seen].map(([w, kinds]) => [w, [...kinds].sort()]))).toEqual(
    Object.fromEntries(workers.map((w) => [w, ['plain', 'stream']])),
  );
}, 60_000);

it('records every request once in the ledger, and the CLI reads it back from JetStream', async () => {
  const { response } = await client(gw.ports[0]).chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'audit me' }] }).withResponse();
  const id = response.headers.get('x-request-id')!;
  await waitFor(async () => (await auditRows(id)) === 1, 'the audit row', 20_000);
  const { stdout } = await run(process.execPath, [resolve(ROOT, 'bin/gatehouse.js'), 'audit', 'tail', '-n', '50', '--nats', gw.natsUrl]);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.some((l) => l.event.request_id === id)).toBe(true);
  expect(stdout).not.toContain(TEST_KEY);
});

it('keeps serving when a router is killed with SIGKILL, and the launcher brings it back', async () => {
  const [victim] = gw.pids('router');
  expect(victim).toBeGreaterThan(0);
  process.kill(victim, 'SIGKILL');
  for (let i = 0; i < 10; i++) {
    const r = await client(gw.ports[i % 2]).chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: `still here ${i}` }] });
    expect(r.choices[0].message.content).toContain(`still here ${i}`);
  }
  await waitFor(() => gw.pids('router').length === 2 && !gw.pids('router').includes(victim), 'the router to be restarted', 20_000);
});

it('delivers events published while the ledger was down once it is back, exactly once', async () => {
  const [ledger] = gw.pids('ledger');
  process.kill(ledger, 'SIGKILL');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { response } = await client(gw.ports[0]).chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: `while down ${i}` }] }).withResponse();
    ids.push(response.headers.get('x-request-id')!);
  }
  await waitFor(async () => {
    for (const id of ids) if ((await auditRows(id)) !== 1) return false;
    return true;
  }, 'the rows after the ledger restarted', 45_000);
});
