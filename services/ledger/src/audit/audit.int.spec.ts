import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { jetstream } from '@nats-io/jetstream';
import { type EventPayload, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { encodeJson } from '@gatehouse/nats';
import { eventsAndDatabasePerTest, testPostgresUrl, waitFor } from '@gatehouse/testing';
import { startLedger } from '../main';

process.env.LOG_LEVEL ??= 'error';

type Completed = EventPayload<typeof RequestCompletedV1>;

function completed(id: string, over: Partial<Completed> = {}): Completed {
  return { ...RequestCompletedV1.schema.parse(RequestCompletedV1.example), request_id: id, ...over };
}

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const countRows = async (url: string) => Number((await sql<{ n: string }>(url, 'select count(*) as n from audit_entries'))[0]!.n);
const checkpoint = async (url: string) =>
  Number((await sql<{ last_seq: string }>(url, "select last_seq from projection_checkpoints where projection = 'ledger-audit'"))[0]?.last_seq ?? 0);

describe('ledger audit projection (real NATS and Postgres)', () => {
  const env = eventsAndDatabasePerTest({ client: 'ledger-test', dbPrefix: 'gh_ledger' });

  const start = async (databaseUrl = env.db.url) => {
    const ledger = await startLedger({ natsUrl: env.nats.url, databaseUrl, batchWaitMs: 2 });
    env.closeAfter(() => ledger.close());
    return ledger;
  };

  it('projects completed and failed events into one row each, with the checkpoint in step', async () => {
    await env.publisher.publish(RequestCompletedV1, completed('req_a', { tags: ['eu', 'batch'], cost: { usd: 0.0000198, price_unknown: false } }));
    await env.publisher.publish(RequestFailedV1, {
      ...completed('req_b', { http_status: 502, guard: null }),
      error: { code: 'upstream_error', message: 'bad gateway' },
    });
    await start();
    await waitFor(async () => (await countRows(env.db.url)) === 2, 'two audit rows');

    const rows = await sql<Record<string, unknown>>(env.db.url, 'select * from audit_entries order by stream_seq');
    expect(rows[0]).toMatchObject({
      request_id: 'req_a',
      event_type: 'request.completed.v1',
      team_id: 'team_demo',
      provider: 'openai',
      status: 200,
      cost_usd: '0.0000198000',
      tags: ['eu', 'batch'],
      error_code: null,
      stream_seq: '1',
    });
    expect((rows[0]!.event as Completed).route.deployment_id).toBe('gpt-4o-mini#0');
    expect(rows[1]).toMatchObject({ request_id: 'req_b', event_type: 'request.failed.v1', status: 502, error_code: 'upstream_error', guard_action: null });
    expect(await checkpoint(env.db.url)).toBe(2);
    const migrations = await sql<{ name: string }>(env.db.url, 'select name from mikro_orm_migrations');
    expect(migrations.map((m) => m.name)).toEqual(['Migration20261122000000_audit', 'Migration20261201000000_chain_spend', 'Migration20261210000000_content', 'Migration20261215000000_budget', 'Migration20261220000000_content_outcome']);
  });

  it('writes a burst in batches, each event exactly once', async () => {
    await start();
    const ids = Array.from({ length: 400 }, (_, i) => `req_burst_${i}`);
    await Promise.all(ids.map((id) => env.publisher.publish(RequestCompletedV1, completed(id, { cost: { usd: 0.001, price_unknown: false } }))));
    await waitFor(async () => (await countRows(env.db.url)) === 400, '400 audit rows');
    const [sum] = await sql<{ total: string }>(env.db.url, 'select sum(cost_usd) as total from audit_entries');
    expect(sum!.total).toBe('0.4000000000');
    await waitFor(async () => (await checkpoint(env.db.url)) === 400, 'checkpoint at 400');
  });

  it('ignores a republish inside the dedupe window and a duplicate published after it', async () => {
    await start();
    await env.publisher.publish(RequestCompletedV1, completed('req_dup'));
    const again = await env.publisher.publish(RequestCompletedV1, completed('req_dup'));
    expect(again.duplicate).toBe(true);
    // After the window the server stores it again (new msg id, new sequence): only the projection can dedupe.
    const ack = await jetstream(env.nc).publish(RequestCompletedV1.subject, encodeJson(completed('req_dup', { latency_ms: 999 })), {
      msgID: `late-${randomBytes(4).toString('hex')}`,
    });
    expect(ack.duplicate).toBe(false);
    await env.publisher.publish(RequestCompletedV1, completed('req_after'));

    await waitFor(async () => (await checkpoint(env.db.url)) === ack.seq + 1, 'checkpoint past the late duplicate');
    const rows = await sql<{ request_id: string; latency_ms: number }>(env.db.url, 'select request_id, latency_ms from audit_entries order by stream_seq');
    expect(rows).toEqual([
      { request_id: 'req_dup', latency_ms: 410 }, // the first one wins
      { request_id: 'req_after', latency_ms: 410 },
    ]);
  });

  it('passes over an event that breaks its contract and keeps going', async () => {
    await start();
    await jetstream(env.nc).publish(RequestCompletedV1.subject, encodeJson({ request_id: 'req_broken' }), { msgID: 'req_broken' });
    await jetstream(env.nc).publish(RequestCompletedV1.subject, new TextEncoder().encode('not json'), { msgID: 'garbage' });
    await env.publisher.publish(RequestCompletedV1, completed('req_fine'));
    await waitFor(async () => (await checkpoint(env.db.url)) === 3, 'checkpoint past the broken events');
    const rows = await sql<{ request_id: string }>(env.db.url, 'select request_id from audit_entries');
    expect(rows).toEqual([{ request_id: 'req_fine' }]);
  });

  it('catches up, exactly once, on what was published while it was stopped', async () => {
    const first = await start();
    await env.publisher.publish(RequestCompletedV1, completed('req_before'));
    await waitFor(async () => (await countRows(env.db.url)) === 1, 'first row');
    await first.close();

    for (let i = 0; i < 25; i++) await env.publisher.publish(RequestCompletedV1, completed(`req_while_down_${i}`));
    expect(await countRows(env.db.url)).toBe(1);

    await start();
    await waitFor(async () => (await checkpoint(env.db.url)) === 26, 'checkpoint at 26');
    expect(await countRows(env.db.url)).toBe(26);
    const perId = await sql<{ n: string }>(env.db.url, 'select count(*) as n from audit_entries group by request_id having count(*) > 1');
    expect(perId).toEqual([]);
  });

  it('waits for a database that does not exist yet, then catches up with no loss', async () => {
    const name = `gh_ledger_late_${randomBytes(4).toString('hex')}`;
    const url = new URL(testPostgresUrl());
    url.pathname = `/${name}`;
    env.closeAfter(() => sql(testPostgresUrl(), `drop database if exists ${name} with (force)`));

    for (let i = 0; i < 10; i++) await env.publisher.publish(RequestCompletedV1, completed(`req_early_${i}`));
    await start(url.toString()); // resolves although Postgres refuses the database
    await new Promise((r) => setTimeout(r, 700)); // a few failed attempts
    await sql(testPostgresUrl(), `create database ${name}`);
    for (let i = 0; i < 5; i++) await env.publisher.publish(RequestCompletedV1, completed(`req_late_${i}`));

    await waitFor(async () => (await countRows(url.toString())) === 15, '15 rows after the database appeared', 20_000);
    expect(await checkpoint(url.toString())).toBe(15);
  });

  it('holds a batch while Postgres refuses connections and writes it once they are allowed again', async () => {
    await start();
    await env.publisher.publish(RequestCompletedV1, completed('req_up'));
    await waitFor(async () => (await countRows(env.db.url)) === 1, 'first row');

    const admin = testPostgresUrl();
    await sql(admin, `alter database ${env.db.name} with allow_connections false`);
    await sql(admin, 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [env.db.name]);
    for (let i = 0; i < 20; i++) await env.publisher.publish(RequestCompletedV1, completed(`req_outage_${i}`));
    await new Promise((r) => setTimeout(r, 1_000)); // the ledger fails and retries meanwhile
    await sql(admin, `alter database ${env.db.name} with allow_connections true`);

    await waitFor(async () => (await countRows(env.db.url)) === 21, '21 rows after the outage', 20_000);
    expect(await checkpoint(env.db.url)).toBe(21);
  });
});
