import { z } from 'zod';
import { BudgetDuration, GatehouseError, SpendGroupBy } from '@gatehouse/contracts';

const DAY_MS = 86_400_000;
const dateOrTime = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'YYYY-MM-DD or an ISO 8601 time');

/** `GET /spend/logs` query, LiteLLM's names. `api_key` is a key id: a raw key is refused, never echoed. */
export const SpendLogsQuery = z.object({
  api_key: z.string().min(1).max(256).optional(),
  user_id: z.string().min(1).max(256).optional(),
  user: z.string().min(1).max(256).optional(),
  request_id: z.string().min(1).max(256).optional(),
  start_date: dateOrTime.optional(),
  end_date: dateOrTime.optional(),
  limit: z.coerce.number().int().positive().max(10_000).default(1000),
});

/** `GET /global/spend/report` query; `format=csv` is the chargeback export. */
export const SpendReportQuery = z.object({
  start_date: z.iso.date().optional(),
  end_date: z.iso.date().optional(),
  group_by: SpendGroupBy.default('team'),
  format: z.enum(['json', 'csv']).default('json'),
});

/** Pure: a LiteLLM date bound → an instant. A bare end date is inclusive (up to the next midnight, UTC). */
export function boundToInstant(value: string | undefined, kind: 'start' | 'end'): string | null {
  if (value === undefined) return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new GatehouseError('invalid_request', `Invalid ${kind}_date.`, { param: `${kind}_date` });
  return new Date(dateOnly && kind === 'end' ? t + DAY_MS : t).toISOString();
}

/** Pure: the report's day range; both ends inclusive, defaulting to the 30 days up to `now`. */
export function reportDays(start: string | undefined, end: string | undefined, now: Date): { start_day: string; end_day: string } {
  const end_day = end ?? now.toISOString().slice(0, 10);
  const start_day = start ?? new Date(Date.parse(`${end_day}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (start_day > end_day) throw new GatehouseError('invalid_request', 'start_date must not be after end_date.', { param: 'start_date' });
  return { start_day, end_day };
}

/** Pure: a virtual key where a key id belongs. Refused without repeating it, so it reaches no log. */
export function assertKeyId(apiKey: string | undefined): void {
  if (apiKey?.startsWith('sk-')) {
    throw new GatehouseError('invalid_request', 'api_key takes a key id (as /key/list shows it), not the key itself.', { param: 'api_key' });
  }
}

/**
 * `GET /budget/usage` query (Gatehouse's own, beside LiteLLM's spend API): one scope — `scope_id`
 * as quota names it, or the shortcuts `team_id`, `api_key` (a key id), `model` — or every scope;
 * the period by id, else the `budget_duration` (default monthly) period containing `at` (default now).
 */
export const BudgetUsageQuery = z.object({
  scope_id: z.string().min(1).max(512).optional(),
  team_id: z.string().min(1).max(256).optional(),
  api_key: z.string().min(1).max(256).optional(),
  model: z.string().min(1).max(256).optional(),
  period: z.string().min(1).max(64).optional(),
  budget_duration: BudgetDuration.default('monthly'),
  at: dateOrTime.optional(),
  limit: z.coerce.number().int().positive().max(10_000).default(1000),
});

/** Pure: the one scope id a usage query names (null: all), refusing more than one way of naming it. */
export function usageScopeId(q: z.infer<typeof BudgetUsageQuery>): string | null {
  const named = [q.scope_id, q.team_id && `team:${q.team_id}`, q.api_key && `key:${q.api_key}`, q.model && `model:${q.model}`].filter((x): x is string => !!x);
  if (named.length > 1) throw new GatehouseError('invalid_request', 'Name one scope: scope_id, team_id, api_key or model.', { param: 'scope_id' });
  return named[0] ?? null;
}

/** Pure: the instant whose period is asked for (a bare date is its midnight, UTC); default now. */
export function usageAt(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00Z` : at);
  if (Number.isNaN(t)) throw new GatehouseError('invalid_request', 'Invalid at: YYYY-MM-DD or an ISO 8601 time.', { param: 'at' });
  return new Date(t).toISOString();
}
