import { MikroORM } from '@mikro-orm/postgresql';
import { RequestCompletedV1 } from '@gatehouse/contracts';
import { createLogger } from '@gatehouse/telemetry';
import { createTestDatabase, type TestDatabase } from '@gatehouse/testing';
import { ormConfig } from '../database/orm-config';
import { AuditDecision, type AuditRow, toAuditDecision } from './audit-row';
import { readCheckpoint, writeAuditBatch } from './audit-store';

function row(id: string, seq: number, over: Record<string, unknown> = {}): AuditRow {
  const data = { ...structuredClone(RequestCompletedV1.example), request_id: id, ...over };
  const d = toAuditDecision({ subject: RequestCompletedV1.subject, seq, data });
  if (d.kind !== AuditDecision.row) throw new Error(`fixture is not a row: ${d.kind}`);
  return d.row;
}

describe('writeAuditBatch (real Postgres)', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('gh_ledger_store');
    orm = await MikroORM.init({ ...ormConfig(db.url, createLogger('ledger-test', 'error')), connect: true });
    await orm.getMigrator().up();
  });

  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  const knex = () => orm.em.getConnection().getKnex();
  const select = (id: string) => knex().raw<{ rows: Record<string, unknown>[] }>('select *, extract(epoch from occurred_at)::float8 as occurred_epoch from audit_entries where request_id = ?', [id]);

  it('stores every column as the row says, quotes and all, and returns what it inserted', async () => {
    const tricky = row('req_"quoted"\\back', 5, { end_user: "O'Brien, \"x\" \\ {a,b}", tags: ['a,b', '{c}', 'd"e'], cost: { usd: 1.98e-7, price_unknown: true } });
    const { inserted } = await writeAuditBatch(knex(), [tricky], 5);
    expect([...inserted]).toEqual([tricky.request_id]);
    const [stored] = (await select(tricky.request_id)).rows;
    expect(stored).toMatchObject({
      end_user: "O'Brien, \"x\" \\ {a,b}",
      tags: ['a,b', '{c}', 'd"e'],
      occurred_epoch: Date.parse('2026-11-22T10:00:00.000Z') / 1000,
      cost_usd: '0.0000001980',
      price_unknown: true,
      ttft_ms: 120,
      stream_seq: '5',
      event: tricky.event,
    });
  });

  it('ignores a known request id and a repeat inside the batch (the first wins), and never moves the checkpoint back', async () => {
    const { inserted } = await writeAuditBatch(knex(), [row('req_x', 10, { latency_ms: 1 }), row('req_x', 11, { latency_ms: 2 }), row('req_"quoted"\\back', 12)], 12);
    expect([...inserted]).toEqual(['req_x']);
    expect((await select('req_x')).rows[0]).toMatchObject({ latency_ms: 1, stream_seq: '10' });
    await writeAuditBatch(knex(), [], 3);
    expect(await readCheckpoint(orm.em.fork())).toBe(12);
  });
});
