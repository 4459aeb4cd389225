import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #7, budget usage per period (docs/adr/0010, "Budget usage"): each audited request's budget
 * scopes, spend per scope per UTC hour (every budget period is whole hours, so any period's spend
 * is a sum of hours), and the GH_BUDGET events themselves (keyed by their message id, so a
 * redelivery or a late republish is applied once) behind `budget_usage`. Also cache hits and the
 * spend they deflected per `spend_daily` row.
 */
export class Migration20261215000000Budget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_entries add column if not exists budget_scopes text[] not null default '{}'`);
    this.addSql(`create table if not exists budget_spend_hourly (
      scope_id text not null,
      hour timestamptz not null,
      requests bigint not null,
      cost_usd numeric(24,10) not null,
      primary key (scope_id, hour)
    )`);
    // Every scope's usage in a period reads a range of hours.
    this.addSql('create index if not exists budget_spend_hourly_hour_idx on budget_spend_hourly (hour)');
    this.addSql(`create table if not exists budget_events (
      kind text not null,
      event_id text not null,
      scope_id text not null,
      period text not null,
      request_id text null,
      amount_usd numeric(24,10) null,
      threshold double precision null,
      spent_usd numeric(24,10) null,
      max_budget_usd numeric(24,10) null,
      occurred_at timestamptz not null,
      stream_seq bigint not null,
      primary key (kind, event_id)
    )`);
    this.addSql('create index if not exists budget_events_scope_period_idx on budget_events (scope_id, period)');
    this.addSql('create index if not exists budget_events_request_idx on budget_events (request_id)');
    // Rows audited before this migration: their scopes by the rule of `scopeIdsOf` (contracts), and
    // their spend per scope and hour, so an upgrade needs no rebuild.
    this.addSql(`update audit_entries set budget_scopes = array_remove(array[
      'key:' || nullif(key_id, ''), 'team:' || nullif(team_id, ''),
      case when nullif(team_id, '') is not null and nullif(end_user, '') is not null then 'user:' || team_id || ':' || end_user end,
      'project:' || nullif(event->>'project', ''), 'model:' || nullif(model, '')], null) where budget_scopes = '{}'`);
    this.addSql(`insert into budget_spend_hourly (scope_id, hour, requests, cost_usd)
      select s.scope_id, date_trunc('hour', a.occurred_at at time zone 'UTC') at time zone 'UTC', count(*), sum(a.cost_usd)
      from audit_entries a cross join lateral unnest(a.budget_scopes) as s(scope_id)
      group by 1, 2 on conflict (scope_id, hour) do nothing`);
    // Cache hits and the spend they deflected (what the stored answer cost when it was paid for).
    this.addSql('alter table spend_daily add column if not exists cache_hits bigint not null default 0');
    this.addSql('alter table spend_daily add column if not exists cache_saved_usd numeric(24,10) not null default 0');
    this.addSql(`update spend_daily d set cache_hits = x.hits, cache_saved_usd = x.saved from (
      select (occurred_at at time zone 'UTC')::date as day, coalesce(team_id, '') as team_id, coalesce(event->>'project', '') as project,
        coalesce(key_id, '') as key_id, coalesce(model, '') as model, coalesce(provider, '') as provider,
        count(*) filter (where cache_status in ('hit', 'semantic-hit')) as hits, coalesce(sum((event->'cache'->>'saved_usd')::numeric), 0) as saved
      from audit_entries group by 1, 2, 3, 4, 5, 6) x
      where (d.day, d.team_id, d.project, d.key_id, d.model, d.provider) = (x.day, x.team_id, x.project, x.key_id, x.model, x.provider)`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table spend_daily drop column if exists cache_saved_usd');
    this.addSql('alter table spend_daily drop column if exists cache_hits');
    this.addSql('drop table if exists budget_events');
    this.addSql('drop table if exists budget_spend_hourly');
    this.addSql('alter table audit_entries drop column if exists budget_scopes');
  }
}
