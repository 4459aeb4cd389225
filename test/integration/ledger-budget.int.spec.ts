import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { BudgetReleasedV1, BudgetReservedV1, BudgetThresholdReachedV1, type BudgetUsageRow, GatehouseError, LedgerBudgetUsageV1, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { encodeJson, RpcClient } from '@gatehouse/nats';
import { createTestDatabase, eventsAndDatabasePerTest, type NatsServerHandle, startNatsServer, type TestDatabase, waitFor } from '@gatehouse/testing';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, TEST_MASTER_KEY, testConfig } from '../support/in-process-gateway';
import { type RunningLedger, startLedger } from '../../services/ledger/src/main';
// Quota's own period rule: the ledger must name and bound periods exactly as quota does.
import { periodOf } from '@gatehouse/contracts';
import { call } from './identity-helpers';
import { completed, publishBudget, sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';

const checkpoint = async (url: string, projection: string) =>
  Number((await sql<{ last_seq: string }>(url, 'select last_seq from projection_checkpoints where projection = $1', [projection]).catch(() => []))[0]?.last_seq ?? 0);

const T_NOV = '2026-11-20T10:15:00.000Z';
const NOV = 'monthly:2026-11';
const usd = (n: number) => ({ usd: n, price_unknown: false });
const reserved = (requestId: string, scopeId: string, amount: number, period = NOV) => ({
  reservation_id: `${requestId}@${scopeId}`, request_id: requestId, scope_id: scopeId, period, amount_usd: amount,
  expires_at: '2026-11-20T10:30:00.000Z', occurred_at: T_NOV, reserved_by: 'quota-test',
});

/** Issue #7, budget usage per period: GH_REQUEST costs per scope and hour, GH_BUDGET events, read over `gh.rpc.ledger.budget_usage.v1`. */
describe('ledger: budget usage per period (real NATS and Postgres)', () => {
  const env = eventsAndDatabasePerTest({ client: 'ledger-budget-int', dbPrefix: 'gh_ledger_budget' });

  const usage = async (req: Partial<{ scope: { team_id: string | null }; scope_id: string | null; period: string | null; budget_duration: 'monthly' | '1d'; at: string }>) => {
    const { usage: rows } = await new RpcClient(env.nc).request(LedgerBudgetUsageV1, {
      scope: { team_id: null }, scope_id: null, period: null, budget_duration: 'monthly', at: T_NOV, limit: 100, ...req,
    });
    return rows;
  };
  const byScope = (rows: BudgetUsageRow[]) => Object.fromEntries(rows.map((r) => [r.scope_id, r]));

  async function publishAll(): Promise<{ lastRequestSeq: number; lastBudgetSeq: number }> {
    const p = env.publisher;
    const facts = { key_id: 'k1', team_id: 't1', end_user: null, model: 'm' };
    await p.publish(RequestCompletedV1, completed('r1', { ...facts, end_user: 'u1', occurred_at: T_NOV, cost: usd(1.5) }));
    await p.publish(RequestCompletedV1, completed('r2', { ...facts, occurred_at: '2026-11-30T23:59:59.000Z', cost: usd(2.25), project: 'p1' }));
    await p.publish(RequestCompletedV1, completed('r3', { ...facts, occurred_at: '2026-12-01T00:00:01.000Z', cost: usd(4) }));
    await p.publish(RequestFailedV1, { ...completed('r4', { ...facts, key_id: 'k2', occurred_at: '2026-11-21T08:00:00.000Z', cost: usd(0.5) }), http_status: 499, error: { code: 'client_closed_request', message: 'gone' } });
    // The same request published again after the dedupe window (a new message id): charged once.
    await p.publish(RequestCompletedV1, completed('r5', { ...facts, occurred_at: T_NOV, cost: usd(0.25) }));
    const late = await jetstream(env.nc).publish(RequestCompletedV1.subject, encodeJson(completed('r5', { ...facts, occurred_at: T_NOV, cost: usd(0.25) })), { msgID: `late-${randomBytes(4).toString('hex')}` });

    await publishBudget(env.nc, BudgetReservedV1, reserved('r1', 'team:t1', 3)); // settled by r1's event
    await publishBudget(env.nc, BudgetReservedV1, reserved('r9', 'team:t1', 5)); // never settled: open
    await publishBudget(env.nc, BudgetReservedV1, reserved('r8', 'team:t1', 7));
    await publishBudget(env.nc, BudgetReleasedV1, { release_id: 'r8@team:t1#released', reservation_id: 'r8@team:t1', request_id: 'r8', scope_id: 'team:t1', period: NOV, reason: 'expired', occurred_at: T_NOV });
    const alert = (t: number, spent: number) => ({ alert_id: `team:t1|${NOV}|${t}`, scope_id: 'team:t1', period: NOV, threshold: t, spent_usd: spent, max_budget_usd: 10, occurred_at: T_NOV });
    await publishBudget(env.nc, BudgetThresholdReachedV1, alert(1, 10.2));
    await publishBudget(env.nc, BudgetThresholdReachedV1, alert(0.8, 8)); // a lower threshold read later does not win
    const lastBudgetSeq = await publishBudget(env.nc, BudgetReservedV1, reserved('r9', 'team:t1', 5), `late-${randomBytes(4).toString('hex')}`); // a late republish
    return { lastRequestSeq: late.seq, lastBudgetSeq };
  }

  it('adds each request to every scope it counted against, per period, and each budget event once', async () => {
    const { lastRequestSeq, lastBudgetSeq } = await publishAll();
    const ledger = await startLedger({ natsUrl: env.nats.url, databaseUrl: env.db.url, batchWaitMs: 2, batchSize: 3 });
    env.closeAfter(() => ledger.close());
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-audit')) === lastRequestSeq, 'audit caught up');
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-budget')) === lastBudgetSeq, 'budget caught up');

    const nov = byScope(await usage({}));
    expect(Object.keys(nov).sort()).toEqual(['key:k1', 'key:k2', 'model:m', 'project:p1', 'team:t1', 'user:t1:u1']);
    expect(nov['project:p1']).toMatchObject({ requests: 1, spend_usd: '2.2500000000' });
    expect(nov['team:t1']).toEqual({
      scope_id: 'team:t1', period: NOV, period_start: '2026-11-01T00:00:00.000Z', period_end: '2026-12-01T00:00:00.000Z',
      requests: 4, spend_usd: '4.5000000000', // r1 1.5 + r2 2.25 + r4 0.5 (failed, still charged) + r5 0.25 once
      reservations: 3, reserved_usd: '15.0000000000', releases: 1, released_usd: '7.0000000000', open_reserved_usd: '5.0000000000',
      alerts: 2, last_threshold: 1, max_budget_usd: '10.0000000000',
    });
    expect(nov['key:k2']).toMatchObject({ requests: 1, spend_usd: '0.5000000000', reservations: 0, alerts: 0, last_threshold: null, max_budget_usd: null });
    expect(nov['user:t1:u1']).toMatchObject({ requests: 1, spend_usd: '1.5000000000' });

    // December is another period: r3 one second after midnight UTC.
    const dec = await usage({ scope_id: 'team:t1', at: '2026-12-01T05:00:00.000Z' });
    expect(dec).toEqual([expect.objectContaining({ period: 'monthly:2026-12', requests: 1, spend_usd: '4.0000000000', reservations: 0 })]);

    // Any duration, named and bounded as quota does.
    const day = periodOf('1d', Date.parse(T_NOV));
    const daily = await usage({ budget_duration: '1d' });
    expect(new Set(daily.map((r) => [r.period, r.period_start, r.period_end].join(' ')))).toEqual(new Set([`${day.id} ${new Date(day.startMs).toISOString()} ${new Date(day.endMs).toISOString()}`]));
    expect(byScope(daily)['team:t1']).toMatchObject({ requests: 2, spend_usd: '1.7500000000' });
    expect((await usage({ period: day.id, scope_id: 'key:k1' }))[0]).toMatchObject({ period: day.id, requests: 2 });

    // A team admin's scope: its team and its team's end users only.
    expect((await usage({ scope: { team_id: 't1' } })).map((r) => r.scope_id)).toEqual(['team:t1', 'user:t1:u1']);
    expect(await usage({ scope: { team_id: 'other' } })).toEqual([]);

    const bad = await usage({ period: 'weekly:3' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GatehouseError);
    expect((bad as GatehouseError).code).toBe('invalid_request');
  });

  it('applies a batch written twice once (budget_events keyed by message id)', async () => {
    const { lastBudgetSeq } = await publishAll();
    const ledger = await startLedger({ natsUrl: env.nats.url, databaseUrl: env.db.url, batchWaitMs: 2 });
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-budget')) === lastBudgetSeq, 'budget caught up');
    await ledger.close();
    const before = await sql(env.db.url, 'select * from budget_usage order by scope_id, period');
    // A commit whose reply was lost: the checkpoint is behind what is stored, so everything comes again.
    await sql(env.db.url, "update projection_checkpoints set last_seq = 0 where projection = 'ledger-budget'");
    const again = await startLedger({ natsUrl: env.nats.url, databaseUrl: env.db.url, batchWaitMs: 2, serve: false });
    env.closeAfter(() => again.close());
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-budget')) === lastBudgetSeq, 'budget re-read');
    expect(await sql(env.db.url, 'select * from budget_usage order by scope_id, period')).toEqual(before);
    expect(before).toHaveLength(1);
  });
});

/**
 * The same projection fed by the real producer: requests through the gateway against a team budget
 * with `headroom_fraction: 0` (every reservation is a GH_BUDGET event), until quota refuses one.
 */
describe('ledger: budget usage from real quota events, through GET /budget/usage', () => {
  let nats: NatsServerHandle;
  let db: TestDatabase;
  let gw: InProcessGateway;
  let ledger: RunningLedger;
  const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model, input_cost_per_token: 0.001, output_cost_per_token: 0.002 } }`;
  const extra = `  quota:
    headroom_fraction: 0
    teams: { team-test: { max_budget: 0.5, budget_duration: monthly } }`;

  beforeAll(async () => {
    nats = await startNatsServer();
    db = await createTestDatabase('gh_ledger_budget_e2e');
    gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models, extra), ingressReplicas: 1, routerReplicas: 1 });
    ledger = await startLedger({ natsUrl: nats.url, databaseUrl: db.url, batchWaitMs: 2 });
  }, 60_000);

  afterAll(async () => {
    await gw?.close();
    await ledger?.close();
    await nats?.stop();
    await db?.drop();
  });

  it('shows the reservations quota made, the alerts it raised and the spend, with nothing left open', async () => {
    const A = gw.urls[0]!;
    let admitted = 0;
    let refused: { status: number; body: { error?: { code: string } } } | null = null;
    for (let i = 0; i < 60 && !refused; i++) {
      const r = await call(A, 'POST', '/v1/chat/completions', TEST_KEY, { model: 'mock-model', max_tokens: 5, messages: [{ role: 'user', content: `budget request ${i}` }] });
      if (r.status === 200) admitted++;
      else refused = r;
    }
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'budget_exceeded' } } });
    expect(admitted).toBeGreaterThan(1);

    const usage = await waitFor(async () => {
      const r = await call(A, 'GET', '/budget/usage?team_id=team-test', TEST_MASTER_KEY);
      const [u] = r.body as BudgetUsageRow[];
      return u && u.requests === admitted + 1 && u.reservations === admitted && u.open_reserved_usd === '0' && u.alerts > 0 ? u : null;
    }, 'budget usage of the team, every reservation settled', 20_000);
    expect(usage).toMatchObject({ scope_id: 'team:team-test', period: `monthly:${new Date().toISOString().slice(0, 7)}`, max_budget_usd: '0.5000000000', releases: 0 });
    expect(usage.last_threshold).toBeGreaterThanOrEqual(0.8);
    const logs = (await call(A, 'GET', '/spend/logs?limit=1000', TEST_MASTER_KEY)).body as { team_id: string; spend: number }[];
    const spent = logs.filter((l) => l.team_id === 'team-test').reduce((t, l) => t + l.spend, 0);
    expect(Number(usage.spend_usd)).toBeCloseTo(spent, 9);
    expect(Number(usage.spend_usd)).toBeLessThanOrEqual(0.5); // quota's promise, read back from the ledger
  }, 60_000);
});
