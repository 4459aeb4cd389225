import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #7, content: encrypted prompts and completions (never plaintext) per request, the forget
 * log, and the indexes the spend API reads by. Not a projection `ledger rebuild` truncates: GH_CONTENT
 * keeps a week, Postgres keeps what retention allows.
 */
export class Migration20261210000000Content extends Migration {
  override async up(): Promise<void> {
    // Linked to audit_entries by request id, without a foreign key: the two streams are consumed
    // independently, so content may arrive before its request row.
    this.addSql(`create table if not exists audit_content (
      request_id text primary key,
      occurred_at timestamptz not null,
      team_id text null,
      key_id text null,
      subject text null,
      level text not null,
      key_name text not null,
      data_key_id text not null,
      envelope jsonb not null,
      ciphertext_sha256 char(64) not null,
      delete_after timestamptz null,
      forgotten_at timestamptz null,
      stream_seq bigint not null,
      recorded_at timestamptz not null default now()
    )`);
    this.addSql('create index if not exists audit_content_key_name_idx on audit_content (key_name)');
    this.addSql('create index if not exists audit_content_delete_after_idx on audit_content (delete_after) where delete_after is not null');
    this.addSql(`create table if not exists content_forgets (
      event_id text primary key,
      occurred_at timestamptz not null,
      actor text not null,
      scope jsonb not null,
      key_names text[] not null,
      reason text null,
      rows_marked integer not null,
      recorded_at timestamptz not null default now()
    )`);
    this.addSql('create index if not exists spend_tag_daily_team_day_idx on spend_tag_daily (team_id, day)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists spend_tag_daily_team_day_idx');
    this.addSql('drop table if exists content_forgets');
    this.addSql('drop table if exists audit_content');
  }
}
