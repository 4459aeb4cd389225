import { MikroORM } from '@mikro-orm/postgresql';
import { RequestCompletedV1, scopeIdsOf } from '@gatehouse/contracts';
import { createLogger } from '@gatehouse/telemetry';
import { createTestDatabase, type TestDatabase } from '@gatehouse/testing';
import { ormConfig } from '../database/orm-config';

/** Upgrading a ledger that already audited requests: the budget migration fills their scopes and hourly spend. */
describe('Migration20261215000000_budget backfill (real Postgres)', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('gh_ledger_backfill');
    orm = await MikroORM.init({ ...ormConfig(db.url, createLogger('ledger-test', 'error')), connect: true });
  });

  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('derives each old row\'s scopes as scopeIdsOf does, and its spend per scope and UTC hour', async () => {
    await orm.getMigrator().up({ to: 'Migration20261210000000_content' });
    const knex = orm.em.getConnection().getKnex();
    const facts = [
      { request_id: 'r1', key_id: 'k1', team_id: 't1', end_user: 'u1', model: 'm', occurred_at: '2026-11-22T10:15:00Z', cost_usd: 1.25 },
      { request_id: 'r2', key_id: 'k1', team_id: null, end_user: 'u1', model: 'm', occurred_at: '2026-11-22T10:59:59Z', cost_usd: 0.5, project: 'p1' },
      { request_id: 'r3', key_id: '', team_id: 't1', end_user: null, model: null, occurred_at: '2026-11-22T11:00:00Z', cost_usd: 2 },
    ];
    for (const [i, f] of facts.entries()) {
      await knex.raw(
        `insert into audit_entries (request_id, event_type, occurred_at, key_id, team_id, end_user, model, status, stream, latency_ms, prompt_tokens, completion_tokens, total_tokens,
           cost_usd, price_unknown, cache_status, stream_seq, event) values (?, 'request.completed.v1', ?, ?, ?, ?, ?, 200, false, 1, 0, 0, 0, ?, false, 'miss', ?, ?::jsonb)`,
        [f.request_id, f.occurred_at, f.key_id, f.team_id, f.end_user, f.model, f.cost_usd, i + 1, JSON.stringify({ ...RequestCompletedV1.example, project: f.project ?? null })],
      );
    }
    await orm.getMigrator().up();

    const scopes = await knex.raw<{ rows: { request_id: string; budget_scopes: string[] }[] }>('select request_id, budget_scopes from audit_entries order by request_id');
    expect(scopes.rows).toEqual(facts.map((f) => ({ request_id: f.request_id, budget_scopes: scopeIdsOf(f) })));
    const hours = await knex.raw<{ rows: { scope_id: string; hour: Date; requests: string; cost_usd: string }[] }>('select * from budget_spend_hourly order by scope_id, hour');
    expect(hours.rows.map((h) => [h.scope_id, new Date(h.hour).toISOString(), h.requests, h.cost_usd])).toEqual([
      ['key:k1', '2026-11-22T10:00:00.000Z', '2', '1.7500000000'],
      ['model:m', '2026-11-22T10:00:00.000Z', '2', '1.7500000000'],
      ['project:p1', '2026-11-22T10:00:00.000Z', '1', '0.5000000000'],
      ['team:t1', '2026-11-22T10:00:00.000Z', '1', '1.2500000000'],
      ['team:t1', '2026-11-22T11:00:00.000Z', '1', '2.0000000000'],
      ['user:t1:u1', '2026-11-22T10:00:00.000Z', '1', '1.2500000000'],
    ]);
  });
});
