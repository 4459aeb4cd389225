import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { type ChainHead, EMPTY_HEAD } from '@gatehouse/audit-chain';
import type { Anchor } from '@gatehouse/audit-chain';
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
  budget_scopes: 'text[]',
  stream_seq: 'bigint',
  event: 'jsonb',
} as const satisfies Record<keyof AuditRow, string>;

const names = Object.keys(COLUMNS).join(', ');
const record = Object.entries(COLUMNS)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

/** A sealed chain entry as written to `audit_chain`. */
export interface ChainRow {
  position: number;
  stream_seq: number;
  subject: string;
  request_id: string | null;
  event: unknown;
  prev_hash: string;
  hash: string;
}

export interface Seals {
  chain: readonly ChainRow[];
  anchors: readonly Anchor[];
}
export const NO_SEALS: Seals = { chain: [], anchors: [] };

/**
 * One statement, hence one transaction: the rows arrive as jsonb parameters (JSON arrays) and are
 * unpacked by Postgres, so the ledger neither formats nor escapes per value, and the checkpoint
 * upsert rides in the same statement (one round trip per batch). Data-modifying CTEs always run,
 * whether or not the final select reads them.
 *
 * Spend is added from what `inserted` returns, so a request id already audited (a redelivery or a
 * late duplicate) is never counted twice. The chain is inserted without ON CONFLICT: a second
 * writer (or a bug) trying to seal a position already taken fails the whole batch.
 */
const WRITE_BATCH = `
  with inserted as (
    insert into audit_entries (${names})
    select ${names} from jsonb_to_recordset(?::jsonb) as r(${record})
    on conflict (request_id) do nothing
    returning request_id, event_type, (occurred_at at time zone 'UTC')::date as day, coalesce(team_id, '') as team_id,
      coalesce(event->>'project', '') as project, coalesce(key_id, '') as key_id, coalesce(model, '') as model,
      coalesce(provider, '') as provider, prompt_tokens, completion_tokens, total_tokens, cost_usd, tags, budget_scopes,
      date_trunc('hour', occurred_at at time zone 'UTC') at time zone 'UTC' as hour,
      cache_status in ('hit', 'semantic-hit') as cache_hit, coalesce((event->'cache'->>'saved_usd')::numeric, 0) as cache_saved_usd
  ), spend as (
    insert into spend_daily (day, team_id, project, key_id, model, provider, requests, failed_requests, prompt_tokens, completion_tokens, total_tokens, cost_usd, cache_hits, cache_saved_usd)
    select day, team_id, project, key_id, model, provider, count(*), count(*) filter (where event_type like 'request.failed.%'),
      sum(prompt_tokens), sum(completion_tokens), sum(total_tokens), sum(cost_usd), count(*) filter (where cache_hit), sum(cache_saved_usd)
    from inserted group by day, team_id, project, key_id, model, provider
    on conflict (day, team_id, project, key_id, model, provider) do update set
      requests = spend_daily.requests + excluded.requests,
      failed_requests = spend_daily.failed_requests + excluded.failed_requests,
      prompt_tokens = spend_daily.prompt_tokens + excluded.prompt_tokens,
      completion_tokens = spend_daily.completion_tokens + excluded.completion_tokens,
      total_tokens = spend_daily.total_tokens + excluded.total_tokens,
      cost_usd = spend_daily.cost_usd + excluded.cost_usd,
      cache_hits = spend_daily.cache_hits + excluded.cache_hits,
      cache_saved_usd = spend_daily.cache_saved_usd + excluded.cache_saved_usd
  ), budget_spend as (
    insert into budget_spend_hourly (scope_id, hour, requests, cost_usd)
    select s.scope_id, i.hour, count(*), sum(i.cost_usd)
    from inserted i cross join lateral unnest(i.budget_scopes) as s(scope_id)
    group by s.scope_id, i.hour
    on conflict (scope_id, hour) do update set
      requests = budget_spend_hourly.requests + excluded.requests,
      cost_usd = budget_spend_hourly.cost_usd + excluded.cost_usd
  ), tagged as (
    insert into spend_tag_daily (day, tag, team_id, requests, total_tokens, cost_usd)
    select i.day, t.tag, i.team_id, count(*), sum(i.total_tokens), sum(i.cost_usd)
    from inserted i cross join lateral (select distinct unnest(i.tags) as tag) t
    group by i.day, t.tag, i.team_id
    on conflict (day, tag, team_id) do update set
      requests = spend_tag_daily.requests + excluded.requests,
      total_tokens = spend_tag_daily.total_tokens + excluded.total_tokens,
      cost_usd = spend_tag_daily.cost_usd + excluded.cost_usd
  ), sealed as (
    insert into audit_chain (position, stream_seq, subject, request_id, event, prev_hash, hash)
    select position, stream_seq, subject, request_id, event, prev_hash, hash
    from jsonb_to_recordset(?::jsonb) as c(position bigint, stream_seq bigint, subject text, request_id text, event jsonb, prev_hash text, hash text)
  ), anchored as (
    insert into audit_anchors (position, hash, anchored_at, signature, key_id)
    select a.position, a.hash, a.anchored_at, a.signature, a.key_id
    from jsonb_to_recordset(?::jsonb) as a(position bigint, hash text, anchored_at timestamptz, signature text, key_id text)
  ), checkpoint as (
    insert into projection_checkpoints (projection, last_seq, updated_at) values (?, ?, now())
    on conflict (projection) do update
      set last_seq = greatest(projection_checkpoints.last_seq, excluded.last_seq), updated_at = now()
  )
  select request_id from inserted`;

/**
 * Writes one batch atomically and returns the request ids it inserted: the rows (a request id
 * already present is ignored; within a batch the first one wins), their spend, the chain entries
 * sealed for the batch and the projection's checkpoint, so after a crash all of them agree.
 * The checkpoint only moves forward (GREATEST).
 */
export async function writeAuditBatch(
  knex: Knex,
  rows: readonly AuditRow[],
  lastSeq: number,
  seals: Seals = NO_SEALS,
  projection = AUDIT_PROJECTION,
): Promise<{ inserted: ReadonlySet<string> }> {
  // Placeholders only: knex hands the values to pg as bind parameters (MikroORM's `execute` would
  // inline them into the SQL text, which is both the old cost and not what we want).
  const res = await knex.raw<{ rows: { request_id: string }[] }>(WRITE_BATCH, [
    JSON.stringify(rows),
    JSON.stringify(seals.chain),
    JSON.stringify(seals.anchors),
    projection,
    lastSeq,
  ]);
  return { inserted: new Set(res.rows.map((r) => r.request_id)) };
}

/** The projection's checkpoint, read through knex (the projector's connection). */
export async function readCheckpointKnex(knex: Knex, projection = AUDIT_PROJECTION): Promise<number> {
  const res = await knex.raw<{ rows: { last_seq: string }[] }>('select last_seq from projection_checkpoints where projection = ?', [projection]);
  return res.rows.length > 0 ? Number(res.rows[0]!.last_seq) : 0;
}

/** The last entry of the audit chain (the genesis head before the first). */
export async function readChainHead(knex: Knex): Promise<ChainHead> {
  const res = await knex.raw<{ rows: { position: string; hash: string }[] }>('select position, hash from audit_chain order by position desc limit 1');
  const r = res.rows[0];
  return r ? { position: Number(r.position), hash: r.hash } : EMPTY_HEAD;
}

/** The last sequence the projection applied (0 before its first batch). */
export async function readCheckpoint(em: EntityManager, projection = AUDIT_PROJECTION): Promise<number> {
  const rows = await em.getConnection().execute<{ last_seq: string }[]>(
    'select last_seq from projection_checkpoints where projection = ?',
    [projection],
  );
  return rows.length > 0 ? Number(rows[0]!.last_seq) : 0;
}
