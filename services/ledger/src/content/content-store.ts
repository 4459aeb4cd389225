import type { Knex } from '@mikro-orm/postgresql';
import type { EventPayload, LedgerContentGetV1, RpcResponse, ContentForgottenV1 } from '@gatehouse/contracts';
import type { ContentRow } from './content-row';

/** Idempotent: a redelivered or republished capture is ignored (the first one stays). */
export async function insertContent(knex: Knex, r: ContentRow): Promise<void> {
  await knex.raw(
    `insert into audit_content (request_id, occurred_at, team_id, key_id, subject, level, key_name, data_key_id, envelope, ciphertext_sha256, delete_after, stream_seq, endpoint, outcome, error_code, http_status)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing`,
    [r.request_id, r.occurred_at, r.team_id, r.key_id, r.subject, r.level, r.key_name, r.data_key_id, JSON.stringify(r.envelope), r.ciphertext_sha256, r.delete_after, r.stream_seq,
      r.endpoint, r.outcome, r.error_code, r.http_status],
  );
}

/**
 * A forget: the rows sealed under the destroyed keys are marked (the ciphertext stays: without its
 * key it is noise, and its hash still verifies), and the forget is logged once.
 */
export async function applyForget(knex: Knex, e: EventPayload<typeof ContentForgottenV1>): Promise<number> {
  const res = await knex.raw<{ rows: { n: number }[] }>(
    `with marked as (
       update audit_content set forgotten_at = ? where key_name = any(?::text[]) and forgotten_at is null and occurred_at <= ? returning 1
     ), logged as (
       insert into content_forgets (event_id, occurred_at, actor, scope, key_names, reason, rows_marked)
       select ?, ?, ?, ?::jsonb, ?::text[], ?, (select count(*) from marked) on conflict (event_id) do nothing
     )
     select count(*)::int as n from marked`,
    [e.occurred_at, e.key_names, e.occurred_at, e.event_id, e.occurred_at, e.actor, JSON.stringify(e.scope), e.key_names, e.reason],
  );
  return res.rows[0]?.n ?? 0;
}

/** Retention: content past its `delete_after` is deleted; the audit row (metadata, cost, hash) stays. */
export async function deleteExpiredContent(knex: Knex, now: Date): Promise<number> {
  const res = await knex.raw<{ rowCount: number }>('delete from audit_content where delete_after is not null and delete_after <= ?', [now.toISOString()]);
  return res.rowCount ?? 0;
}

type StoredContent = RpcResponse<typeof LedgerContentGetV1>['content'];

export async function readContent(knex: Knex, requestId: string): Promise<StoredContent> {
  const res = await knex.raw<{ rows: { request_id: string; occurred_at: Date | string; team_id: string | null; subject: string | null; level: string; envelope: unknown; forgotten_at: Date | string | null; endpoint: string | null; outcome: string; error_code: string | null; http_status: number | null }[] }>(
    'select request_id, occurred_at, team_id, subject, level, envelope, forgotten_at, endpoint, outcome, error_code, http_status from audit_content where request_id = ?',
    [requestId],
  );
  const r = res.rows[0];
  if (!r) return null;
  return {
    request_id: r.request_id,
    occurred_at: new Date(r.occurred_at).toISOString(),
    team_id: r.team_id,
    subject: r.subject,
    level: r.level as NonNullable<StoredContent>['level'],
    envelope: r.envelope as NonNullable<StoredContent>['envelope'],
    forgotten_at: r.forgotten_at === null ? null : new Date(r.forgotten_at).toISOString(),
    endpoint: r.endpoint,
    outcome: r.outcome as NonNullable<StoredContent>['outcome'],
    error: r.error_code === null || r.http_status === null ? null : { code: r.error_code, http_status: r.http_status },
  };
}
