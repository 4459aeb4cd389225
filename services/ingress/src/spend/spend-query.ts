import { z } from 'zod';
import { GatehouseError, SpendGroupBy } from '@gatehouse/contracts';

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
