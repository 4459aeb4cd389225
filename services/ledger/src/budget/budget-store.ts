import type { Knex } from '@mikro-orm/postgresql';
import type { BudgetUsageRow } from '@gatehouse/contracts';
import type { BudgetPeriod } from '@gatehouse/contracts';
import type { BudgetEventRow } from './budget-row';

export const BUDGET_PROJECTION = 'ledger-budget';

/**
 * One statement per batch (so one transaction): the events go into `budget_events` keyed by
 * (kind, message id); only the ones actually inserted are added to `budget_usage`, so a
 * redelivery, a batch committed whose reply was lost, or a republish after the dedupe window is
 * applied once. The checkpoint rides in the same statement. What `budget_usage` keeps of alerts
 * (highest threshold and the spend / budget it named) does not depend on how events are batched,
 * so a rebuild reproduces it exactly.
 */
const WRITE_BATCH = `
  with inserted as (
    insert into budget_events (kind, event_id, scope_id, period, request_id, amount_usd, threshold, spent_usd, max_budget_usd, occurred_at, stream_seq)
    select kind, event_id, scope_id, period, request_id, amount_usd, threshold, spent_usd, max_budget_usd, occurred_at, stream_seq
    from jsonb_to_recordset(?::jsonb) as r(kind text, event_id text, scope_id text, period text, request_id text, amount_usd numeric,
      threshold double precision, spent_usd numeric, max_budget_usd numeric, occurred_at timestamptz, stream_seq bigint)
    on conflict (kind, event_id) do nothing
    returning kind, scope_id, period, request_id, amount_usd, threshold, spent_usd, max_budget_usd, stream_seq
  ), released as (
    -- What a released reservation had held: from its reserved event, committed earlier or in this
    -- batch (a CTE sees the table as it was before the statement, hence the union).
    select rel.scope_id, rel.period, coalesce(sum(res.amount_usd), 0) as released_usd
    from inserted rel join (
      select scope_id, request_id, amount_usd from budget_events where kind = 'reserved'
      union all select scope_id, request_id, amount_usd from inserted where kind = 'reserved'
    ) res on res.scope_id = rel.scope_id and res.request_id = rel.request_id
    where rel.kind = 'released' group by rel.scope_id, rel.period
  ), top_alert as (
    select distinct on (scope_id, period) scope_id, period, threshold, spent_usd, max_budget_usd
    from inserted where kind = 'threshold_reached' order by scope_id, period, threshold desc, stream_seq desc
  ), sums as (
    select scope_id, period,
      count(*) filter (where kind = 'reserved') as reservations, coalesce(sum(amount_usd) filter (where kind = 'reserved'), 0) as reserved_usd,
      count(*) filter (where kind = 'released') as releases, count(*) filter (where kind = 'threshold_reached') as alerts
    from inserted group by scope_id, period
  ), usage as (
    insert into budget_usage (scope_id, period, reservations, reserved_usd, releases, released_usd, alerts, last_threshold, last_spent_usd, max_budget_usd)
    select s.scope_id, s.period, s.reservations, s.reserved_usd, s.releases, coalesce(r.released_usd, 0), s.alerts, a.threshold, a.spent_usd, a.max_budget_usd
    from sums s left join top_alert a using (scope_id, period) left join released r using (scope_id, period)
    on conflict (scope_id, period) do update set
      reservations = budget_usage.reservations + excluded.reservations,
      reserved_usd = budget_usage.reserved_usd + excluded.reserved_usd,
      releases = budget_usage.releases + excluded.releases,
      released_usd = budget_usage.released_usd + excluded.released_usd,
      alerts = budget_usage.alerts + excluded.alerts,
      last_threshold = case when excluded.last_threshold > coalesce(budget_usage.last_threshold, 0) then excluded.last_threshold else budget_usage.last_threshold end,
      last_spent_usd = case when excluded.last_threshold > coalesce(budget_usage.last_threshold, 0) then excluded.last_spent_usd else budget_usage.last_spent_usd end,
      max_budget_usd = case when excluded.last_threshold > coalesce(budget_usage.last_threshold, 0) then excluded.max_budget_usd else budget_usage.max_budget_usd end
  ), checkpoint as (
    insert into projection_checkpoints (projection, last_seq, updated_at) values (?, ?, now())
    on conflict (projection) do update
      set last_seq = greatest(projection_checkpoints.last_seq, excluded.last_seq), updated_at = now()
  )
  select count(*)::int as n from inserted`;

/** Writes one batch of budget events and the checkpoint atomically; returns how many were new. */
export async function writeBudgetBatch(knex: Knex, rows: readonly BudgetEventRow[], lastSeq: number): Promise<number> {
  const res = await knex.raw<{ rows: { n: number }[] }>(WRITE_BATCH, [JSON.stringify(rows), BUDGET_PROJECTION, lastSeq]);
  return res.rows[0]?.n ?? 0;
}

/**
 * A period's usage: spend summed over its hours, the budget events' totals, and the reservations
 * still open (neither settled by their request's event, audited, nor released): computed when read.
 */
const USAGE = `
  with spend as (
    select scope_id, sum(requests)::bigint as requests, sum(cost_usd) as spend_usd
    from budget_spend_hourly where hour >= ? and hour < ? and (?::text is null or scope_id = ?)
    group by scope_id
  ), usage as (
    select * from budget_usage where period = ? and (?::text is null or scope_id = ?)
  ), scopes as (
    select scope_id from spend union select scope_id from usage
  )
  select s.scope_id, coalesce(sp.requests, 0)::int as requests, coalesce(sp.spend_usd, 0)::text as spend_usd,
    coalesce(u.reservations, 0)::int as reservations, coalesce(u.reserved_usd, 0)::text as reserved_usd,
    coalesce(u.releases, 0)::int as releases, coalesce(u.released_usd, 0)::text as released_usd,
    (select coalesce(sum(r.amount_usd), 0) from budget_events r where r.kind = 'reserved' and r.scope_id = s.scope_id and r.period = ?
       and not exists (select 1 from audit_entries a where a.request_id = r.request_id)
       and not exists (select 1 from budget_events x where x.kind = 'released' and x.scope_id = r.scope_id and x.request_id = r.request_id))::text as open_reserved_usd,
    coalesce(u.alerts, 0)::int as alerts, u.last_threshold, u.max_budget_usd::text as max_budget_usd
  from scopes s left join spend sp using (scope_id) left join usage u using (scope_id)
  where (?::text is null or s.scope_id = 'team:' || ? or starts_with(s.scope_id, 'user:' || ? || ':'))
  order by s.scope_id
  limit ?`;

export interface UsageQuery {
  period: BudgetPeriod;
  scopeId: string | null;
  /** A team admin's team: only `team:<t>` and `user:<t>:…` (null: every scope). */
  teamId: string | null;
  limit: number;
}

type UsageRecord = Omit<BudgetUsageRow, 'period' | 'period_start' | 'period_end'>;

export async function readBudgetUsage(knex: Knex, q: UsageQuery): Promise<BudgetUsageRow[]> {
  const start = new Date(q.period.startMs).toISOString();
  const end = new Date(q.period.endMs).toISOString();
  const p = q.period.id;
  const res = await knex.raw<{ rows: UsageRecord[] }>(USAGE, [start, end, q.scopeId, q.scopeId, p, q.scopeId, q.scopeId, p, q.teamId, q.teamId, q.teamId, q.limit]);
  return res.rows.map((r) => ({ ...r, period: p, period_start: start, period_end: end }));
}
