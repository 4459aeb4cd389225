import type { SpendLogRow, SpendReportRow } from '@gatehouse/contracts';

/** A row of SPEND_LOGS as pg returns it. */
export interface SpendLogRecord {
  request_id: string;
  event_type: string;
  endpoint: string;
  key_id: string | null;
  key_alias: string | null;
  team_id: string | null;
  user_id: string | null;
  end_user: string | null;
  model: string | null;
  deployment_id: string | null;
  provider: string | null;
  status: number;
  latency_ms: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost: number;
  cache_status: string;
  saved_cache_cost: number;
  tags: string[];
  error_code: string | null;
  project: string | null;
  /** A Date, or the timestamp text (MikroORM's pg type parsers may leave it as a string). */
  occurred_at: Date | string;
}

/** Pure: an audit row in LiteLLM's `/spend/logs` shape (startTime is when ingress took the request). */
export function toSpendLog(r: SpendLogRecord): SpendLogRow {
  const start = new Date(r.occurred_at).getTime();
  return {
    request_id: r.request_id,
    call_type: r.endpoint,
    api_key: r.key_id,
    key_alias: r.key_alias,
    spend: r.cost,
    total_tokens: r.total_tokens,
    prompt_tokens: r.prompt_tokens,
    completion_tokens: r.completion_tokens,
    startTime: new Date(start).toISOString(),
    endTime: new Date(start + Math.round(r.latency_ms)).toISOString(),
    model: r.model,
    model_id: r.deployment_id,
    custom_llm_provider: r.provider,
    user: r.user_id,
    end_user: r.end_user,
    team_id: r.team_id,
    status: r.event_type.startsWith('request.failed') ? 'failure' : 'success',
    request_tags: r.tags,
    metadata: { tags: r.tags, http_status: r.status, error_code: r.error_code, project: r.project },
    cache_hit: r.cache_status === 'hit' || r.cache_status === 'semantic-hit' ? 'True' : 'False',
    saved_cache_cost: r.saved_cache_cost,
  };
}

/** A row of spendReportSql as pg returns it (sums as text: int8 and numeric do not fit a JS number exactly). */
export interface SpendReportRecord {
  day: string;
  grp: string;
  model: string | null;
  requests: string;
  failed_requests: string | null;
  prompt_tokens: string | null;
  completion_tokens: string | null;
  total_tokens: string;
  spend_usd: string;
  cache_hits: string | null;
  cache_saved_usd: string | null;
}

const int = (s: string | null) => (s === null ? null : Number(s));

/** Pure: a report row for the wire; the spend stays the exact decimal. */
export function toReportRow(r: SpendReportRecord): SpendReportRow {
  return {
    day: r.day,
    group: r.grp,
    model: r.model,
    requests: Number(r.requests),
    failed_requests: int(r.failed_requests),
    prompt_tokens: int(r.prompt_tokens),
    completion_tokens: int(r.completion_tokens),
    total_tokens: Number(r.total_tokens),
    spend_usd: r.spend_usd,
    cache_hits: int(r.cache_hits),
    cache_saved_usd: r.cache_saved_usd,
  };
}
