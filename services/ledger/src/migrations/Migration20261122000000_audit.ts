import { Migration } from '@mikro-orm/migrations';

/** The audit projection: `audit_entries` and the checkpoints table every projection shares. */
export class Migration20261122000000Audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists projection_checkpoints (
      projection text primary key,
      last_seq bigint not null,
      updated_at timestamptz not null default now()
    )`);
    this.addSql(`create table if not exists audit_entries (
      request_id text primary key,
      event_type text not null,
      occurred_at timestamptz not null,
      trace_id text null,
      key_id text null,
      key_alias text null,
      team_id text null,
      user_id text null,
      end_user text null,
      model text null,
      deployment_id text null,
      provider text null,
      provider_model text null,
      status integer not null,
      stream boolean not null,
      latency_ms double precision not null,
      ttft_ms double precision null,
      prompt_tokens integer not null,
      completion_tokens integer not null,
      total_tokens integer not null,
      cost_usd numeric(20,10) not null,
      price_unknown boolean not null,
      cache_status text not null,
      guard_action text null,
      error_code text null,
      tags text[] not null default '{}',
      stream_seq bigint not null,
      event jsonb not null,
      recorded_at timestamptz null default now()
    )`);
    // The questions audit and spend reports ask: by time, by team over time, by key over time.
    this.addSql('create index if not exists audit_entries_occurred_at_idx on audit_entries (occurred_at)');
    this.addSql('create index if not exists audit_entries_team_time_idx on audit_entries (team_id, occurred_at)');
    this.addSql('create index if not exists audit_entries_key_time_idx on audit_entries (key_id, occurred_at)');
    this.addSql('create index if not exists audit_entries_stream_seq_idx on audit_entries (stream_seq)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists audit_entries');
    this.addSql('drop table if exists projection_checkpoints');
  }
}
