import type { SpendGroupBy } from '@gatehouse/contracts';

/**
 * The spend API's SQL, parameterized: values are always bind parameters (`?`, knex → pg); only the
 * grouping columns vary, and they come from this closed map, never from the caller.
 * `(?::text is null or col = ?)` is how an optional filter reads: the value is bound twice.
 */
export const SPEND_LOGS = `
  select request_id, event_type, coalesce(event->>'endpoint', '') as endpoint, key_id, key_alias, team_id, user_id, end_user,
    model, deployment_id, provider, status, latency_ms, prompt_tokens, completion_tokens, total_tokens,
    cost_usd::float8 as cost, cache_status, coalesce((event->'cache'->>'saved_usd')::float8, 0) as saved_cache_cost, tags, error_code, event->>'project' as project, occurred_at
  from audit_entries
  where (?::text is null or team_id = ?)
    and (?::text is null or key_id = ?)
    and (?::text is null or user_id = ? or end_user = ?)
    and (?::text is null or request_id = ?)
    and (?::timestamptz is null or occurred_at >= ?)
    and (?::timestamptz is null or occurred_at < ?)
  order by occurred_at desc, request_id
  limit ?`;

interface GroupSql {
  table: 'spend_daily' | 'spend_tag_daily';
  group: string;
  model: string;
}

const GROUPS: Record<SpendGroupBy, GroupSql> = {
  team: { table: 'spend_daily', group: 'team_id', model: 'model' },
  key: { table: 'spend_daily', group: 'key_id', model: 'model' },
  model: { table: 'spend_daily', group: 'model', model: 'null::text' },
  provider: { table: 'spend_daily', group: 'provider', model: 'model' },
  tag: { table: 'spend_tag_daily', group: 'tag', model: 'null::text' },
  project: { table: 'spend_daily', group: 'project', model: 'model' },
};

/** Daily spend by one dimension (and model where it adds detail); binds: start, end, team, team. */
export function spendReportSql(groupBy: SpendGroupBy): string {
  const g = GROUPS[groupBy];
  const detail = g.table === 'spend_daily'
    ? 'sum(failed_requests)::text as failed_requests, sum(prompt_tokens)::text as prompt_tokens, sum(completion_tokens)::text as completion_tokens, sum(cache_hits)::text as cache_hits, sum(cache_saved_usd)::text as cache_saved_usd'
    : 'null::text as failed_requests, null::text as prompt_tokens, null::text as completion_tokens, null::text as cache_hits, null::text as cache_saved_usd';
  return `
    select to_char(day, 'YYYY-MM-DD') as day, ${g.group} as grp, ${g.model} as model, sum(requests)::text as requests, ${detail},
      sum(total_tokens)::text as total_tokens, sum(cost_usd)::text as spend_usd
    from ${g.table}
    where day between ?::date and ?::date and (?::text is null or team_id = ?)
    group by day, ${g.group}${g.model === 'model' ? ', model' : ''}
    order by day, grp, model nulls first`;
}
