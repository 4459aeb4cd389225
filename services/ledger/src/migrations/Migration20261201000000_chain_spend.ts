import { Migration } from '@mikro-orm/migrations';

/** Issue #7: the sealed audit chain and its anchors, spend by day, budget usage per period. */
export class Migration20261201000000ChainSpend extends Migration {
  override async up(): Promise<void> {
    // One row per request event in stream order (late duplicates and contract-breaking payloads
    // included: the chain seals what the stream holds). `event` is what was hashed.
    this.addSql(`create table if not exists audit_chain (
      position bigint primary key,
      stream_seq bigint not null unique,
      subject text not null,
      request_id text null,
      event jsonb not null,
      prev_hash char(64) not null,
      hash char(64) not null unique,
      sealed_at timestamptz not null default now()
    )`);
    this.addSql(`create table if not exists audit_anchors (
      position bigint primary key,
      hash char(64) not null,
      anchored_at timestamptz not null,
      signature text null,
      key_id text null
    )`);
    // Null dimensions are stored as '' so that they can be part of the primary key.
    this.addSql(`create table if not exists spend_daily (
      day date not null,
      team_id text not null,
      project text not null,
      key_id text not null,
      model text not null,
      provider text not null,
      requests bigint not null,
      failed_requests bigint not null,
      prompt_tokens bigint not null,
      completion_tokens bigint not null,
      total_tokens bigint not null,
      cost_usd numeric(24,10) not null,
      primary key (day, team_id, project, key_id, model, provider)
    )`);
    this.addSql(`create table if not exists spend_tag_daily (
      day date not null,
      tag text not null,
      team_id text not null,
      requests bigint not null,
      total_tokens bigint not null,
      cost_usd numeric(24,10) not null,
      primary key (day, tag, team_id)
    )`);
    this.addSql(`create table if not exists budget_usage (
      scope_id text not null,
      period text not null,
      reservations bigint not null,
      reserved_usd numeric(24,10) not null,
      releases bigint not null,
      released_usd numeric(24,10) not null,
      alerts bigint not null,
      last_threshold double precision null,
      last_spent_usd numeric(24,10) null,
      max_budget_usd numeric(24,10) null,
      primary key (scope_id, period)
    )`);
    this.addSql('create index if not exists audit_entries_user_time_idx on audit_entries (user_id, occurred_at)');
    this.addSql('create index if not exists spend_daily_team_day_idx on spend_daily (team_id, day)');
  }

  override async down(): Promise<void> {
    for (const t of ['budget_usage', 'spend_tag_daily', 'spend_daily', 'audit_anchors', 'audit_chain']) this.addSql(`drop table if exists ${t}`);
    this.addSql('drop index if exists audit_entries_user_time_idx');
  }
}
