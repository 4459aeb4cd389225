import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { AuditRow } from './audit-row';

export const AUDIT_PROJECTION = 'ledger-audit';

/** The SQL type of every `audit_entries` column the projection writes (a new AuditRow field fails to compile until listed). */
const COLUMNS = {
  request_id: 'text',
  event_type: 'text',
  occurred_at: 'timestamptz',
  trace_id: 'text',
  key_id: 'text',
  key_alias: 'text',
  team_id: 'text',
  user_id: 'text',
  end_user: 'text',
  model: 'text',
  deployment_id: 'text',
  provider: 'text',
  provider_model: 'text',
  status: 'integer',
  stream: 'boolean',
  latency_ms: 'double precision',
  ttft_ms: 'double precision',
  prompt_tokens: 'integer',
  completion_tokens: 'integer',
  total_tokens: 'integer',
  cost_usd: 'numeric',
  price_unknown: 'boolean',
  cache_status: 'text',
  guard_action: 'text',
  error_code: 'text',
  tags: 'text[]',
  stream_seq: 'bigint',
  event: 'jsonb',
} as const satisfies Record<keyof AuditRow, string>;

const names = Object.keys(COLUMNS).join(', ');
const record = Object.entries(COLUMNS)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

/**
 * One statement, hence one transaction: the rows arrive as a single jsonb parameter (a JSON array
 * of AuditRow) and are unpacked by Postgres, so the ledger neither formats nor escapes per value,
 * and the checkpoint upsert rides in the same statement (one round trip per batch). Data-modifying
 * CTEs always run, whether or not the final select reads them.
 */
const WRITE_BATCH = `
  with inserted as (
    insert into audit_entries (${names})
    select ${names} from jsonb_to_recordset(?::jsonb) as r(${record})
    on conflict (request_id) do nothing
    returning request_id
  ), checkpoint as (
    insert into projection_checkpoints (projection, last_seq, updated_at) values (?, ?, now())
    on conflict (projection) do update
      set last_seq = greatest(projection_checkpoints.last_seq, excluded.last_seq), updated_at = now()
  )
  select request_id from inserted`;

/**
 * Writes one batch atomically and returns the request ids it inserted: the rows (a request id
 * already present is ignored; within a batch the first one wins) and the projection's checkpoint,
 * so after a crash the table and the checkpoint always agree.
 *
 * Rows at or below the checkpoint are not skipped by sequence: the unique request id already makes
 * a redelivery a no-op, while a sequence skip would silently drop events if two ledger replicas
 * ever wrote interleaved batches. The checkpoint only moves forward (GREATEST).
 */
export async function writeAuditBatch(
  knex: Knex,
  rows: readonly AuditRow[],
  lastSeq: number,
  projection = AUDIT_PROJECTION,
): Promise<{ inserted: ReadonlySet<string> }> {
  // Placeholders only: knex hands the values to pg as bind parameters (MikroORM's `execute` would
  // inline them into the SQL text, which is both the old cost and not what we want).
  const res = await knex.raw<{ rows: { request_id: string }[] }>(WRITE_BATCH, [JSON.stringify(rows), projection, lastSeq]);
  return { inserted: new Set(res.rows.map((r) => r.request_id)) };
}

/** The last sequence the projection applied (0 before its first batch). */
export async function readCheckpoint(em: EntityManager, projection = AUDIT_PROJECTION): Promise<number> {
  const rows = await em.getConnection().execute<{ last_seq: string }[]>(
    'select last_seq from projection_checkpoints where projection = ?',
    [projection],
  );
  return rows.length > 0 ? Number(rows[0]!.last_seq) : 0;
}
