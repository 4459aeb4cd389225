import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { BudgetReleasedV1, BudgetReservedV1, BudgetThresholdReachedV1, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { connectNats, encodeJson, ensureStreams, readStream, type StoredEvent } from '@gatehouse/nats';
import { eventsAndDatabasePerTest, freePort, startNatsServer, waitFor } from '@gatehouse/testing';
import { startLedger } from '../../services/ledger/src/main';
import { runCli } from '../../tools/cli/src/cli';
import { capture, completed, PgProxy, projectionChecksums, publishBudget, sql } from './ledger-helpers';

process.env.LOG_LEVEL ??= 'error';
process.env.GATEHOUSE_AUDIT_ANCHOR_EVERY = '10'; // the service and `ledger rebuild` read the same setting

const count = async (url: string, table: string) => Number((await sql<{ n: string }>(url, `select count(*) as n from ${table}`))[0]!.n);
const checkpoint = async (url: string, projection = 'ledger-audit') =>
  Number((await sql<{ last_seq: string }>(url, 'select last_seq from projection_checkpoints where projection = $1', [projection]).catch(() => []))[0]?.last_seq ?? 0);

describe('ledger: chain, spend, verify, rebuild, outage (real NATS and Postgres)', () => {
  const env = eventsAndDatabasePerTest({ client: 'ledger-int', dbPrefix: 'gh_ledger_int' });

  const start = async (databaseUrl = env.db.url) => {
    const ledger = await startLedger({ natsUrl: env.nats.url, databaseUrl, batchWaitMs: 2, serve: false });
    env.closeAfter(() => ledger.close());
    return ledger;
  };
  const cliOn = async (natsUrl: string, ...argv: string[]) => {
    const out = capture();
    const err = capture();
    const code = await runCli([...argv, '--nats', natsUrl, '--database', env.db.url], { stdout: out.stream, stderr: err.stream, env: {} });
    return { code, out: out.text(), err: err.text() };
  };
  const cli = (...argv: string[]) => cliOn(env.nats.url, ...argv);

  /** A copy of GH_REQUEST on a NATS server of its own (what an auditor is handed), `events` in the order given. */
  async function streamCopy(events: readonly StoredEvent[]): Promise<string> {
    const other = await startNatsServer();
    env.closeAfter(() => other.stop());
    const nc = await connectNats({ url: other.url, name: 'ledger-int-copy' });
    try {
      await ensureStreams(nc);
      for (const [i, e] of events.entries()) await jetstream(nc).publish(e.subject, encodeJson(e.data), { msgID: `copy-${i}` });
    } finally {
      await nc.close();
    }
    return other.url;
  }

  async function publishMix(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const team = i % 3 === 0 ? 'team_a' : 'team_b';
      const facts = completed(`req_${i}`, { team_id: team, tags: i % 2 ? ['batch', 'eu'] : ['eu'], cost: { usd: 0.001 * (i + 1), price_unknown: false }, ...(i % 4 === 0 ? { project: 'proj_x' } : {}) });
      if (i % 7 === 0) await env.publisher.publish(RequestFailedV1, { ...facts, http_status: 502, error: { code: 'upstream_error', message: 'bad gateway' } });
      else await env.publisher.publish(RequestCompletedV1, facts);
    }
  }

  /** Budget events as quota appends them (reservations, a release, alerts): `n` of them. */
  async function publishBudgetMix(n: number, prefix = 'b'): Promise<void> {
    const period = 'monthly:2026-11';
    const at = '2026-11-22T10:00:00.000Z';
    for (let i = 0; i < n; i++) {
      const scope = i % 2 ? 'team:team_a' : 'key:key_demo';
      const request_id = `${prefix}_${i}`;
      if (i % 5 === 4) {
        await publishBudget(env.nc, BudgetThresholdReachedV1, { alert_id: `${scope}|${period}|0.${i}`, scope_id: scope, period, threshold: i / 10, spent_usd: i, max_budget_usd: 10, occurred_at: at });
      } else if (i % 5 === 3) {
        await publishBudget(env.nc, BudgetReleasedV1, { release_id: `${prefix}_${i - 1}@${scope}#released`, reservation_id: `${prefix}_${i - 1}@${scope}`, request_id: `${prefix}_${i - 1}`, scope_id: scope, period, reason: 'expired', occurred_at: at });
      } else {
        await publishBudget(env.nc, BudgetReservedV1, { reservation_id: `${request_id}@${scope}`, request_id, scope_id: scope, period, amount_usd: 0.5 + i, expires_at: at, occurred_at: at, reserved_by: 'quota-test' });
      }
    }
  }

  it('seals every event in stream order, adds spend once per request, and verifies clean', async () => {
    await publishMix(45);
    await publishBudgetMix(23);
    const ledger = await start();
    await waitFor(async () => (await checkpoint(env.db.url)) === 45, 'checkpoint at 45');
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-budget')) === 23, 'budget checkpoint at 23');
    expect(await count(env.db.url, 'budget_events')).toBe(23);
    expect(await count(env.db.url, 'budget_spend_hourly')).toBeGreaterThan(0);
    expect(await count(env.db.url, 'audit_chain')).toBe(45);
    expect(await count(env.db.url, 'audit_anchors')).toBe(4); // every 10 entries
    const spend = await sql<{ team_id: string; requests: string; failed: string; cost: string }>(env.db.url,
      'select team_id, sum(requests) as requests, sum(failed_requests) as failed, sum(cost_usd) as cost from spend_daily group by team_id order by team_id');
    const audit = await sql<{ team_id: string; cost: string }>(env.db.url, 'select team_id, sum(cost_usd) as cost from audit_entries group by team_id order by team_id');
    expect(spend.map((s) => [s.team_id, s.cost])).toEqual(audit.map((a) => [a.team_id, a.cost]));
    expect(spend.map((s) => Number(s.requests))).toEqual([15, 30]);
    expect(spend.reduce((t, s) => t + Number(s.failed), 0)).toBe(7);
    const tags = await sql<{ tag: string; requests: string }>(env.db.url, 'select tag, sum(requests) as requests from spend_tag_daily group by tag order by tag');
    expect(tags).toEqual([{ tag: 'batch', requests: '22' }, { tag: 'eu', requests: '45' }]);
    const projects = await sql<{ project: string; requests: string }>(env.db.url, 'select project, sum(requests) as requests from spend_daily group by project order by project');
    expect(projects).toEqual([{ project: '', requests: '33' }, { project: 'proj_x', requests: '12' }]);

    const clean = await cli('audit', 'verify');
    expect(clean).toMatchObject({ code: 0, err: '' });
    expect(clean.out).toContain('audit chain OK: 45 sealed entries checked against the stream');
    expect((await cli('audit', 'verify', '--source', 'table')).code).toBe(0);

    // Rebuild: stop the ledger, drop the projections, replay, compare.
    const before = await projectionChecksums(env.db.url);
    for (const [table, sum] of Object.entries(before)) expect([table, sum]).not.toEqual([table, 'empty']); // every projection is compared with content
    await ledger.close();
    const rebuilt = await cli('ledger', 'rebuild');
    expect(rebuilt).toMatchObject({ code: 0, err: '' });
    expect(rebuilt.out).toContain('rebuilt: 45 chain entries, head at position 45');
    expect(await projectionChecksums(env.db.url)).toEqual(before);
  });

  it('reports the exact position of an event removed from the stream or changed in the table', async () => {
    await publishMix(20);
    await start();
    await waitFor(async () => (await checkpoint(env.db.url)) === 20, 'checkpoint at 20');

    await sql(env.db.url, "update audit_chain set event = jsonb_set(event, '{cost,usd}', '9') where position = 12");
    const table = await cli('audit', 'verify', '--source', 'table');
    expect(table.code).toBe(3);
    expect(table.out.split('\n')[0]).toBe('changed at position 12 (source 12): event differs from the one sealed here');

    await (await jetstreamManager(env.nc)).streams.deleteMessage('GH_REQUEST', 7);
    const stream = await cli('audit', 'verify');
    expect(stream.code).toBe(3);
    expect(stream.out.split('\n')[0]).toBe('removed at position 7: stream_seq 7 is missing');
    expect(stream.out).toContain('1 finding(s)'); // the stream still holds the original event 12
  });

  it('reports an event inserted into a copy of the stream, or two events swapped, at their exact positions', async () => {
    await publishMix(20);
    await start();
    await waitFor(async () => (await checkpoint(env.db.url)) === 20, 'checkpoint at 20');
    const original: StoredEvent[] = [];
    for await (const e of readStream(env.nc, 'GH_REQUEST', { from: { first: true } })) original.push(e);
    expect(original).toHaveLength(20);

    const clean = await cliOn(await streamCopy(original), 'audit', 'verify');
    expect(clean.code).toBe(0); // stream sequences are not hashed: a faithful copy verifies

    const forged = { ...original[5]!, data: { ...(original[5]!.data as object), request_id: 'req_forged' } };
    const inserted = await cliOn(await streamCopy([...original.slice(0, 5), forged, ...original.slice(5)]), 'audit', 'verify');
    expect(inserted.code).toBe(3);
    expect(inserted.out.split('\n').slice(0, -2)).toEqual(['inserted at position 6 (source 6): unsealed event before position 6']);

    const swapped = [...original];
    [swapped[8], swapped[9]] = [swapped[9]!, swapped[8]!];
    const reordered = await cliOn(await streamCopy(swapped), 'audit', 'verify');
    expect(reordered.code).toBe(3);
    expect(reordered.out.split('\n').slice(0, -2)).toEqual(['reordered at position 9 (source 10): swapped with position 10']);
  });

  it('keeps going while Postgres is unreachable and catches up with every event exactly once', async () => {
    const proxy = new PgProxy(await freePort(), { host: '127.0.0.1', port: Number(new URL(env.db.url).port || 5432) });
    await proxy.up();
    env.closeAfter(() => proxy.down());
    const viaProxy = new URL(env.db.url);
    viaProxy.port = String(proxy.port);
    await start(viaProxy.toString());

    const load = (async () => {
      for (let i = 0; i < 500; i++) {
        await env.publisher.publish(RequestCompletedV1, completed(`req_load_${i}`, { cost: { usd: 0.01, price_unknown: false } }));
        if (i % 50 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await waitFor(async () => (await count(env.db.url, 'audit_entries')) > 0, 'first rows');
    await proxy.down(); // Postgres gone for the ledger, mid-load
    // Publishers never wait for the ledger: these are all acknowledged while it cannot write a row.
    for (let i = 500; i < 600; i++) await env.publisher.publish(RequestCompletedV1, completed(`req_load_${i}`, { cost: { usd: 0.01, price_unknown: false } }));
    await publishBudgetMix(10, 'outage'); // budget events too
    const [during] = await sql<{ n: string }>(env.db.url, "select count(*) as n from audit_entries where request_id in ('req_load_500', 'req_load_599')");
    expect(during!.n).toBe('0');
    await new Promise((r) => setTimeout(r, 1_000)); // the ledger fails and retries meanwhile
    await proxy.up();
    await load;
    // A redelivered duplicate after the outage must not count twice.
    await env.publisher.publish(RequestCompletedV1, completed('req_load_3', { latency_ms: 1 }));

    await waitFor(async () => (await checkpoint(env.db.url)) === 600, 'caught up', 60_000);
    await waitFor(async () => (await checkpoint(env.db.url, 'ledger-budget')) === 10, 'budget caught up', 30_000);
    expect(await count(env.db.url, 'budget_events')).toBe(10);
    const [hours] = await sql<{ requests: string; cost: string }>(env.db.url, "select sum(requests) as requests, sum(cost_usd) as cost from budget_spend_hourly where scope_id = 'team:team_demo'");
    expect(hours).toEqual({ requests: '600', cost: '6.0000000000' });
    expect(await count(env.db.url, 'audit_entries')).toBe(600);
    expect(await count(env.db.url, 'audit_chain')).toBe(600); // the 601st publish was inside the dedupe window
    const [spend] = await sql<{ requests: string; cost: string }>(env.db.url, 'select sum(requests) as requests, sum(cost_usd) as cost from spend_daily');
    expect(spend).toEqual({ requests: '600', cost: '6.0000000000' });
    expect((await cli('audit', 'verify')).code).toBe(0);
  }, 90_000); // a loaded CI machine: the ledger's reconnect backoff may take a while
});
