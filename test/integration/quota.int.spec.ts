import { metricsRegistry } from '@gatehouse/telemetry';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Client } from 'pg';
import { admitSubject, BudgetReleasedV1, partitionOf, QuotaAdmitV2, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { encodeJson, readStream, RpcClient } from '@gatehouse/nats';
import { createTestDatabase, type NatsServerHandle, startNatsServer, type TestDatabase, waitFor } from '@gatehouse/testing';
import { parseConfig } from '@gatehouse/config';
import { worstCase } from '../../services/ingress/src/quota/estimate';
import { startLedger, type RunningLedger } from '../../services/ledger/src/main';
import { startQuota } from '../../services/quota/src/main';
import type { QuotaEngine } from '../../services/quota/src/quota-engine';
import { type InProcessGateway, startInProcessGateway } from '../support/in-process-gateway';

/**
 * Quota and budgets (issue #5) over real NATS/JetStream and Postgres: two ingress and two quota
 * replicas, the ledger in-process. Budgets are shared and exact, settlement happens once, and a
 * restart of every quota replica rebuilds spend equal to the ledger's.
 */
const BUDGET_KEY = 'sk-gh-budget-key-0001';
const RPM_KEY = 'sk-gh-rpm10-key-00001';
const PROJECT_KEYS = ['sk-gh-project-a-key-01', 'sk-gh-project-b-key-01'];
const EMBED_KEY = 'sk-gh-embed-budget-001';
const EMBED_TPM_KEY = 'sk-gh-embed-tpm5-0001';
/** 'hello world': 2 tokens for our tokenizer and for the mock provider alike. */
const EMBED_PRICE = 0.001;
const EMBED_COST = 2 * EMBED_PRICE;
const PRICE_IN = 0.001;
const PRICE_OUT = 0.002;

let nats: NatsServerHandle;
let db: TestDatabase;
let ledger: RunningLedger;
let gw: InProcessGateway;
let nc: NatsConnection;
let budgetUsd = 0;
let projectBudgetUsd = 0;

type Quota = { engine: QuotaEngine; kill(): Promise<void>; close(): Promise<void> };
const quotas = () => gw.services.quota as unknown as Quota[];
const body = { model: 'priced', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 };

async function post(key: string, url = gw.urls[0], b: unknown = body) {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(b),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { code: string; message: string } } };
}

async function embed(key: string, url = gw.urls[0]) {
  const res = await fetch(`${url}/v1/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'priced-embed', input: 'hello world' }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { code: string; message: string } } };
}

async function requestEvents(): Promise<Record<string, any>[]> {
  const out: Record<string, any>[] = [];
  for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) out.push(e.data as Record<string, any>);
  return out;
}

async function allOwned(): Promise<void> {
  await waitFor(() => {
    const owned = quotas().map((q) => [...q.engine.leases.owned]);
    return owned.flat().length === 64 && new Set(owned.flat()).size === 64 && owned.every((o) => o.length > 0);
  }, 'every partition owned once, by every replica', 15_000);
}

async function ledgerSpend(keyId: string): Promise<number> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const r = await c.query('select coalesce(sum(cost_usd), 0)::float8 as usd from audit_entries where key_id = $1', [keyId]);
    return r.rows[0].usd as number;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  nats = await startNatsServer();
  db = await createTestDatabase('gh_quota');
  ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 10 });
  nc = await connect({ servers: nats.url });
  // The worst case of `body`: its tokenized prompt and 5 output tokens at the prices below.
  // Two keys of different teams share the project `proj-shared`, whose budget covers 10 requests.
  const yaml = (budget: number, projectBudget: number) => `
model_list:
  - { model_name: priced, litellm_params: { model: mock/mock-model, input_cost_per_token: ${PRICE_IN}, output_cost_per_token: ${PRICE_OUT} } }
  - { model_name: priced-embed, litellm_params: { model: mock/mock-embed, input_cost_per_token: ${EMBED_PRICE} } }
gatehouse:
  keys:
    - { key: ${BUDGET_KEY}, key_id: key-budget, team_id: team-budget, max_budget: ${budget}, budget_duration: monthly }
    - { key: ${RPM_KEY}, key_id: key-rpm, rpm_limit: 10 }
    - { key: ${PROJECT_KEYS[0]}, key_id: key-proj-a, team_id: team-a, project: proj-shared }
    - { key: ${PROJECT_KEYS[1]}, key_id: key-proj-b, team_id: team-b, project: proj-shared }
    - { key: ${EMBED_KEY}, key_id: key-embed, max_budget: ${5.5 * EMBED_COST}, budget_duration: 1d }
    - { key: ${EMBED_TPM_KEY}, key_id: key-embed-tpm, tpm_limit: 5 }
  quota:
    reservation_ttl_s: 2
    projects: { proj-shared: { max_budget: ${projectBudget}, budget_duration: 1d } }
  timeouts: { quota_ms: 3000 }
`;
  const probe = parseConfig(yaml(1, 1), 'probe');
  const perRequest = worstCase(body as never, probe.groups.get('priced')!, 4096).cost_usd;
  budgetUsd = 20 * perRequest;
  projectBudgetUsd = 10 * perRequest;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: yaml(budgetUsd, projectBudgetUsd), ingressReplicas: 2, quotaReplicas: 2 });
  await allOwned();
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await gw?.close();
  await ledger?.close();
  await nats?.stop();
  await db?.drop();
});

it('200 concurrent requests through 2 ingress and 2 quota replicas never settle more than a budget covering 20', async () => {
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => post(BUDGET_KEY, gw.urls[i % 2])));
  const ok = results.filter((r) => r.status === 200).length;
  const refused = results.filter((r) => r.status === 429);
  expect(ok).toBeGreaterThanOrEqual(20);
  expect(ok + refused.length).toBe(200);
  expect(refused[0].body.error?.code).toBe('budget_exceeded');
  expect(refused[0].body.error?.message).toMatch(/Budget of key budget-key|Budget of key key-budget|Budget of team team-budget/);
  expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
  const events = await waitFor(async () => {
    const es = (await requestEvents()).filter((e) => e.key_id === 'key-budget');
    return es.length === 200 ? es : null;
  }, '200 request events');
  const settled = events.reduce((s, e) => s + e.cost.usd, 0);
  expect(settled).toBeLessThanOrEqual(budgetUsd + 1e-9);
  expect(settled).toBeGreaterThan(budgetUsd * 0.5);
  // The burn-down gauge (on the owner of the key's partition) says how much of the budget is gone.
  const ratio = await waitFor(async () => {
    const m = /gatehouse_budget_used_ratio\{[^}]*scope="key:key-budget"[^}]*\} ([0-9.e-]+)/.exec(await metricsRegistry.metrics());
    return m && Number(m[1]) >= 0.5 ? Number(m[1]) : null;
  }, 'the budget burn-down gauge');
  expect(ratio).toBeLessThanOrEqual(1 + 1e-9);
});

it('an rpm of 10 admits 10 per minute whatever the replica count, with x-ratelimit headers', async () => {
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => post(RPM_KEY, gw.urls[i % 2])));
  expect(results.filter((r) => r.status === 200)).toHaveLength(10);
  const refused = results.filter((r) => r.status === 429);
  expect(refused).toHaveLength(20);
  expect(refused[0].body.error).toMatchObject({ code: 'rate_limit_exceeded' });
  expect(refused[0].body.error?.message).toMatch(/Rate limit of key .* reached: 10 requests per minute\. Resets in \d+ s/);
  const first = results.find((r) => r.status === 200)!;
  expect(first.headers.get('x-ratelimit-limit-requests')).toBe('10');
  expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+s$/);
});

it("a crashed owner's successor rebuilt the rpm window from the request events: no extra window", async () => {
  const p = partitionOf('key:key-rpm');
  const owner = quotas().find((q) => q.engine.leases.owned.has(p))!;
  await owner.kill();
  gw.services.quota.splice(gw.services.quota.indexOf(owner as never), 1);
  await waitFor(() => quotas()[0].engine.leases.owned.size === 64, 'the survivor took every partition over', 15_000);
  const results = await Promise.all(Array.from({ length: 5 }, (_, i) => post(RPM_KEY, gw.urls[i % 2])));
  expect(results.map((r) => r.status)).toEqual([429, 429, 429, 429, 429]);
  expect(results[0].body.error?.message).toMatch(/10 requests per minute/);
}, 30_000);

it('a project budget holds across keys of different teams, and request events carry the project', async () => {
  const results = await Promise.all(Array.from({ length: 60 }, (_, i) => post(PROJECT_KEYS[i % 2], gw.urls[Math.floor(i / 2) % 2])));
  const ok = results.filter((r) => r.status === 200).length;
  const refused = results.filter((r) => r.status === 429);
  expect(ok).toBeGreaterThanOrEqual(10);
  expect(ok + refused.length).toBe(60);
  expect(refused[0].body.error).toMatchObject({ code: 'budget_exceeded', message: expect.stringContaining('Budget of project proj-shared exceeded') });
  const events = await waitFor(async () => {
    const es = (await requestEvents()).filter((e) => e.project === 'proj-shared');
    return es.length === 60 ? es : null;
  }, '60 request events of the project');
  expect(new Set(events.map((e) => e.team_id))).toEqual(new Set(['team-a', 'team-b']));
  expect(events.reduce((s, e) => s + e.cost.usd, 0)).toBeLessThanOrEqual(projectBudgetUsd + 1e-9);
  await waitFor(() => quotas().every((q) => Math.abs(q.engine.spent('project:proj-shared') - events.reduce((s, e) => s + e.cost.usd, 0)) < 1e-9), 'project spend projected by every replica');
});

it('embeddings are reserved and settled against budgets and tpm, priced per embedding token', async () => {
  const results = await Promise.all(Array.from({ length: 15 }, (_, i) => embed(EMBED_KEY, gw.urls[i % 2])));
  expect(results.filter((r) => r.status === 200)).toHaveLength(5);
  expect(results.find((r) => r.status === 429)?.body.error).toMatchObject({ code: 'budget_exceeded', message: expect.stringContaining('Budget of key key-embed exceeded') });
  await waitFor(() => quotas().every((q) => Math.abs(q.engine.spent('key:key-embed') - 5 * EMBED_COST) < 1e-9), 'five embeddings charged at their input tokens');

  const first = await embed(EMBED_TPM_KEY);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('5');
  expect(first.headers.get('x-ratelimit-remaining-tokens')).toBe('3');
  expect((await embed(EMBED_TPM_KEY, gw.urls[1])).status).toBe(200);
  const third = await embed(EMBED_TPM_KEY);
  expect(third.status).toBe(429);
  expect(third.body.error?.message).toMatch(/Rate limit of key .* reached: 5 tokens per minute/);
  expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
});

it('settles a request once: a duplicate event (past the dedupe window) and a failed request with usage', async () => {
  const spentNow = () => quotas()[0].engine.spent('key:key-budget');
  const before = await waitFor(async () => {
    const sum = (await requestEvents()).filter((e) => e.key_id === 'key-budget').reduce((s, e) => s + e.cost.usd, 0);
    return Math.abs(spentNow() - sum) < 1e-9 ? sum : null;
  }, 'quota spend equal to the events');
  const js = jetstream(nc);
  const completed = (await requestEvents()).find((e) => e.key_id === 'key-budget' && e.http_status === 200)!;
  await js.publish(RequestCompletedV1.subject, encodeJson(completed)); // no msgID: the server cannot drop it
  const failed = { ...completed, request_id: 'req_client_gone', http_status: 499, cost: { usd: 0.001, price_unknown: false }, error: { code: 'client_closed_request', message: 'gone' } };
  await js.publish(RequestFailedV1.subject, encodeJson(failed), { msgID: failed.request_id });
  await js.publish(RequestFailedV1.subject, encodeJson(failed), { msgID: `${failed.request_id}-again` });
  await waitFor(() => quotas().every((q) => Math.abs(q.engine.spent('key:key-budget') - (before + 0.001)) < 1e-9), 'the failed request charged once, the duplicate not');
});

it('releases a reservation whose request never reports (crash between reserve and settle)', async () => {
  const rpc = new RpcClient(nc);
  const scope = { id: 'key:crashy', kind: 'key' as const, label: 'key crashy', limits: { rpm: null, tpm: null, max_parallel: null, max_budget_usd: 1, budget_duration: '1d' as const } };
  const p = partitionOf(scope.id);
  const contract = { ...QuotaAdmitV2, subject: admitSubject(p) };
  const admit = (id: string, usd: number) => rpc.request(contract, { request_id: id, partition: p, scopes: [scope], estimate: { tokens: 10, cost_usd: usd } });
  await expect(admit('req_lost', 0.6)).resolves.toMatchObject({ admitted: true });
  await expect(admit('req_next', 0.6)).rejects.toMatchObject({ code: 'budget_exceeded' });
  await waitFor(async () => {
    for await (const e of readStream(nc, 'GH_BUDGET', { from: { first: true } })) if (e.subject.startsWith(BudgetReleasedV1.subject) && (e.data as { request_id: string }).request_id === 'req_lost') return true;
    return false;
  }, 'budget.released for the lost request', 10_000);
  await expect(admit('req_next', 0.6)).resolves.toMatchObject({ admitted: true });
});

it('kill every quota replica and restart: rebuilt spend equals the ledger to the cent', async () => {
  const distinct = new Set((await requestEvents()).filter((e) => e.key_id === 'key-budget').map((e) => e.request_id)).size;
  await waitFor(async () => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const n = (await c.query("select count(*)::int as n from audit_entries where key_id = 'key-budget'")).rows[0].n as number;
    await c.end();
    return n === distinct;
  }, 'the ledger caught up');
  const old = quotas();
  for (const q of old) await q.kill();
  gw.services.quota.length = 0;
  for (let i = 0; i < 2; i++) gw.services.quota.push(await startQuota({ natsUrl: nats.url, config: gw.config }));
  await allOwned();
  const ledgerUsd = await ledgerSpend('key-budget');
  for (const q of quotas()) {
    expect(Math.round(q.engine.spent('key:key-budget') * 100)).toBe(Math.round(ledgerUsd * 100));
    expect(Math.abs(q.engine.spent('key:key-budget') - ledgerUsd)).toBeLessThan(1e-6);
  }
  // And it still refuses past the budget after the restart.
  const r = await post(BUDGET_KEY);
  expect(r.status).toBe(429);
  expect(r.body.error?.code).toBe('budget_exceeded');
}, 60_000);
