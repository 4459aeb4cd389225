import { createTestDatabase, type NatsServerHandle, startNatsServer, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { type RunningLedger, startLedger } from '../../services/ledger/src/main';
import { call } from './identity-helpers';
import { sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';

/**
 * Issue #7, spend API over real NATS and Postgres: requests through the gateway, projected by the
 * ledger, read back through ingress's LiteLLM-compatible routes (served by the ledger over NATS).
 */
let nats: NatsServerHandle;
let gw: InProcessGateway;
let ledger: RunningLedger;
let db: TestDatabase;
let A: string;
const M = TEST_MASTER_KEY;
const SCOPED = 'sk-gh-scoped-key-0003';
const LIMITED = 'sk-gh-limited-key-0002';
let teamAdmin: string;
let viewer: string;

const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model, input_cost_per_token: 0.001, output_cost_per_token: 0.002 } }
  - { model_name: mock-other, litellm_params: { model: mock/mock-other, input_cost_per_token: 0.003, output_cost_per_token: 0.004 } }`;

const chat = (key: string, model: string, tags: string[], content = 'count these four words') =>
  call(A, 'POST', '/v1/chat/completions', key, { model, messages: [{ role: 'user', content }], metadata: { tags } });
/** LiteLLM's other way of tagging a request: the `x-litellm-tags` header. */
const chatTaggedByHeader = async (key: string, model: string, header: string) => {
  const res = await fetch(`${A}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'x-litellm-tags': header },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'count these four words' }] }),
  });
  return res.status;
};

interface LogRow { request_id: string; api_key: string; key_alias: string; team_id: string; model: string; spend: number; total_tokens: number; request_tags: string[]; cache_hit: string; startTime: string; endTime: string }

beforeAll(async () => {
  nats = await startNatsServer();
  db = await createTestDatabase('gh_spend');
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models), ingressReplicas: 1, routerReplicas: 1 });
  ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 2 });
  A = gw.urls[0]!;
  expect((await call(A, 'POST', '/team/new', M, { team_id: 'team-test' })).status).toBe(200);
  const ta = await call(A, 'POST', '/key/generate', M, { key_alias: 'ta', team_id: 'team-test', role: 'team_admin' });
  const vw = await call(A, 'POST', '/key/generate', M, { key_alias: 'vw', role: 'viewer' });
  expect([ta.status, vw.status]).toEqual([200, 200]);
  teamAdmin = ta.body.key;
  viewer = vw.body.key;

  for (let i = 0; i < 3; i++) expect((await chat(TEST_KEY, 'mock-model', ['eu', 'proj:x'])).status).toBe(200);
  expect((await chat(SCOPED, 'mock-model', ['batch'])).status).toBe(200);
  expect(await chatTaggedByHeader(SCOPED, 'mock-model', ' batch ')).toBe(200);
  expect((await chat(LIMITED, 'mock-other', ['eu'])).status).toBe(200);
  await waitFor(async () => Number((await sql<{ n: string }>(db.url, 'select count(*) as n from audit_entries'))[0]!.n) === 6, 'six audit rows', 20_000);
}, 90_000);

afterAll(async () => {
  await gw?.close();
  await ledger?.close();
  await nats?.stop();
  await db?.drop();
});

const totals = (days: Record<string, unknown>[], list: string, name: string) =>
  Object.fromEntries(days.flatMap((d) => (d[list] as Record<string, unknown>[]).map((g) => [g[name], [g.total_spend, g.total_requests]])));
const today = () => new Date().toISOString().slice(0, 10);
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e9) / 1e9;

describe('GET /spend/logs', () => {
  it('lists every request in LiteLLM row shape, with key ids and never a key', async () => {
    const r = await call(A, 'GET', '/spend/logs', M);
    expect(r.status).toBe(200);
    const logs = r.body as LogRow[];
    expect(logs).toHaveLength(6);
    for (const key of [TEST_KEY, SCOPED, LIMITED, M]) expect(r.text).not.toContain(key);
    const audit = await sql<{ request_id: string; key_id: string; cost: number }>(db.url, 'select request_id, key_id, cost_usd::float8 as cost from audit_entries');
    expect(new Set(logs.map((l) => l.request_id))).toEqual(new Set(audit.map((a) => a.request_id)));
    const test = logs.filter((l) => l.key_alias === 'test');
    expect(test).toHaveLength(3);
    expect(test[0]).toMatchObject({ team_id: 'team-test', model: 'mock-model', request_tags: ['eu', 'proj:x'], cache_hit: 'False' });
    expect(test[0]!.spend).toBeGreaterThan(0);
    expect(Date.parse(test[0]!.endTime)).toBeGreaterThanOrEqual(Date.parse(test[0]!.startTime));
    expect(sum(logs.map((l) => l.spend))).toBe(sum(audit.map((a) => a.cost)));
  });

  it('filters by key id, request id and date; refuses a raw key without echoing it', async () => {
    const all = (await call(A, 'GET', '/spend/logs', M)).body as LogRow[];
    const keyId = all.find((l) => l.key_alias === 'scoped')!.api_key;
    expect(((await call(A, 'GET', `/spend/logs?api_key=${keyId}`, M)).body as LogRow[]).map((l) => l.key_alias)).toEqual(['scoped', 'scoped']);
    const one = all[0]!.request_id;
    expect(((await call(A, 'GET', `/spend/logs?request_id=${one}`, M)).body as LogRow[]).map((l) => l.request_id)).toEqual([one]);
    expect((await call(A, 'GET', `/spend/logs?start_date=${today()}&end_date=${today()}`, M)).body).toHaveLength(6);
    expect((await call(A, 'GET', '/spend/logs?end_date=2000-01-01', M)).body).toHaveLength(0);
    const raw = await call(A, 'GET', `/spend/logs?api_key=${SCOPED}`, M);
    expect(raw.status).toBe(400);
    expect(raw.text).not.toContain(SCOPED);
  });
});

describe('GET /global/spend/report', () => {
  const report = async (groupBy: string, key = M) => {
    const r = await call(A, 'GET', `/global/spend/report?start_date=${today()}&end_date=${today()}&group_by=${groupBy}`, key);
    expect(r.status).toBe(200);
    return r.body as Record<string, unknown>[];
  };

  it('groups by team, key, model, provider and tag, matching the requests made', async () => {
    const logs = (await call(A, 'GET', '/spend/logs', M)).body as LogRow[];
    const spendOf = (pred: (l: LogRow) => boolean) => sum(logs.filter(pred).map((l) => l.spend));

    const byTeam = await report('team');
    expect(byTeam).toHaveLength(1);
    expect(byTeam[0]!.group_by_day).toBe(`${today()}T00:00:00+00:00`);
    const teams = totals(byTeam, 'teams', 'team_name');
    expect(teams).toEqual({
      'team-test': [spendOf((l) => l.team_id === 'team-test'), 3],
      'team-scoped': [spendOf((l) => l.team_id === 'team-scoped'), 2],
      'team-limited': [spendOf((l) => l.team_id === 'team-limited'), 1],
    });
    expect((byTeam[0]!.teams as { metadata: unknown[] }[])[0]!.metadata).toEqual([expect.objectContaining({ model: expect.any(String), spend: expect.any(Number) })]);

    const keyId = (alias: string) => logs.find((l) => l.key_alias === alias)!.api_key;
    expect(totals(await report('key'), 'api_keys', 'api_key')).toEqual({
      [keyId('test')]: [spendOf((l) => l.key_alias === 'test'), 3], [keyId('scoped')]: [spendOf((l) => l.key_alias === 'scoped'), 2], [keyId('limited')]: [spendOf((l) => l.key_alias === 'limited'), 1],
    });
    expect(totals(await report('model'), 'models', 'model')).toEqual({ 'mock-model': [spendOf((l) => l.model === 'mock-model'), 5], 'mock-other': [spendOf((l) => l.model === 'mock-other'), 1] });
    expect(totals(await report('provider'), 'providers', 'provider')).toEqual({ mock: [spendOf(() => true), 6] });
    const outside = await call(A, 'GET', '/global/spend/report?start_date=2000-01-01&end_date=2000-01-31&group_by=team', M);
    expect([outside.status, outside.body]).toEqual([200, []]); // the day range is applied
    expect((await call(A, 'GET', `/global/spend/report?start_date=${today()}&end_date=2000-01-01`, M)).status).toBe(400);
    expect(totals(await report('tag'), 'tags', 'tag')).toEqual({
      eu: [spendOf((l) => l.request_tags.includes('eu')), 4], 'proj:x': [spendOf((l) => l.key_alias === 'test'), 3], batch: [spendOf((l) => l.key_alias === 'scoped'), 2],
    });
  });

  it('exports CSV for chargeback, exact decimals, same totals', async () => {
    const r = await fetch(`${A}/global/spend/report?start_date=${today()}&end_date=${today()}&group_by=team&format=csv`, { headers: { authorization: `Bearer ${M}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await r.text()).trim().split('\r\n');
    expect(lines[0]).toBe('day,group_by,group,model,requests,failed_requests,prompt_tokens,completion_tokens,total_tokens,spend_usd,cache_hits,cache_saved_usd');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((c) => c[2]).sort()).toEqual(['team-limited', 'team-scoped', 'team-test']);
    const [db_total] = await sql<{ t: string }>(db.url, 'select sum(cost_usd)::text as t from audit_entries');
    const csvTotal = rows.reduce((t, c) => t + Number(c[9]), 0);
    expect(csvTotal).toBeCloseTo(Number(db_total!.t), 9);
    for (const c of rows) expect(c[9]).toMatch(/^\d+\.\d{10}$/);
    const alias = await fetch(`${A}/spend/report/csv?start_date=${today()}&end_date=${today()}&group_by=tag`, { headers: { authorization: `Bearer ${M}` } });
    expect((await alias.text()).split('\r\n')[1]).toMatch(/^\d{4}-\d{2}-\d{2},tag,/);
  });
});

describe('GET /budget/usage', () => {
  interface Usage { scope_id: string; period: string; requests: number; spend_usd: string; reservations: number; open_reserved_usd: string }
  const month = () => `monthly:${new Date().toISOString().slice(0, 7)}`;

  it('shows what each budget scope spent this period, as the spend logs add up', async () => {
    const logs = (await call(A, 'GET', '/spend/logs', M)).body as LogRow[];
    const team = await call(A, 'GET', '/budget/usage?team_id=team-test', M);
    expect(team.status).toBe(200);
    expect(team.body).toEqual([expect.objectContaining({ scope_id: 'team:team-test', period: month(), requests: 3, reservations: 0, open_reserved_usd: '0' })]);
    expect(Number((team.body as Usage[])[0]!.spend_usd)).toBeCloseTo(sum(logs.filter((l) => l.team_id === 'team-test').map((l) => l.spend)), 9);

    const all = Object.fromEntries(((await call(A, 'GET', '/budget/usage', M)).body as Usage[]).map((u) => [u.scope_id, u.requests]));
    const keyId = logs.find((l) => l.key_alias === 'scoped')!.api_key;
    expect(all).toMatchObject({ 'team:team-test': 3, 'team:team-scoped': 2, 'team:team-limited': 1, [`key:${keyId}`]: 2, 'model:mock-model': 5, 'model:mock-other': 1 });
    expect(((await call(A, 'GET', `/budget/usage?api_key=${keyId}&budget_duration=1d`, M)).body as Usage[])[0]).toMatchObject({ scope_id: `key:${keyId}`, requests: 2, period: expect.stringMatching(/^1d:\d+$/) });
    expect((await call(A, 'GET', '/budget/usage?team_id=team-test&at=2000-01-15', M)).body).toEqual([]);
  });

  it('scopes a team admin to their team; refuses others and bad queries in the OpenAI error shape', async () => {
    const own = (await call(A, 'GET', '/budget/usage', teamAdmin)).body as Usage[];
    expect(own.map((u) => u.scope_id)).toEqual(['team:team-test']);
    expect((await call(A, 'GET', '/budget/usage?team_id=team-scoped', teamAdmin)).body).toEqual([]);
    expect((await call(A, 'GET', '/budget/usage', TEST_KEY)).status).toBe(403);
    for (const q of ['period=weekly:3', 'team_id=a&model=b', 'budget_duration=2d', 'at=yesterday']) {
      const r = await call(A, 'GET', `/budget/usage?${q}`, M);
      expect([q, r.status, r.body.error?.type]).toEqual([q, 400, 'invalid_request_error']);
    }
    const raw = await call(A, 'GET', `/budget/usage?api_key=${SCOPED}`, M);
    expect(raw.status).toBe(400);
    expect(raw.text).not.toContain(SCOPED);
  });
});

describe('authorisation', () => {
  it('refuses an internal user (403) on every spend route', async () => {
    for (const path of ['/spend/logs', '/global/spend/report', '/spend/report/csv']) {
      const r = await call(A, 'GET', path, TEST_KEY);
      expect([path, r.status, r.body.error?.code]).toEqual([path, 403, 'permission_denied']);
    }
    expect((await call(A, 'GET', '/spend/logs', null)).status).toBe(401);
  });

  it('scopes a team admin to their team; a viewer reads everything', async () => {
    const own = (await call(A, 'GET', '/spend/logs', teamAdmin)).body as LogRow[];
    expect(own).toHaveLength(3);
    expect(new Set(own.map((l) => l.team_id))).toEqual(new Set(['team-test']));
    const r = await call(A, 'GET', `/global/spend/report?start_date=${today()}&end_date=${today()}&group_by=tag`, teamAdmin);
    expect(totals(r.body, 'tags', 'tag')).toEqual({ eu: [expect.any(Number), 3], 'proj:x': [expect.any(Number), 3] });
    expect((await call(A, 'GET', '/spend/logs', viewer)).body).toHaveLength(6);
  });
});
