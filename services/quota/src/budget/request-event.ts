import type { RequestFacts } from '@gatehouse/contracts';

/** What quota reads from a `request.completed|failed` event: the scopes, the start, the tokens, the cost. */
export type RequestEvent = Pick<RequestFacts, 'request_id' | 'occurred_at' | 'key_id' | 'team_id' | 'end_user' | 'model' | 'project'> & {
  usage: { total_tokens: number };
  cost: { usd: number };
  error?: { code: string };
};

/**
 * Pure: the fields quota needs from a request event, checked by hand, or null when one is missing
 * or of the wrong type. Every replica reads every request event, and the full zod schema of the
 * facts (route, guard, cache…) cost more than everything else quota does with the event.
 */
export function readRequestEvent(data: unknown): RequestEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const usage = d.usage as Record<string, unknown> | undefined;
  const cost = d.cost as Record<string, unknown> | undefined;
  const error = d.error as Record<string, unknown> | undefined;
  if (typeof d.request_id !== 'string' || typeof d.occurred_at !== 'string' || Number.isNaN(Date.parse(d.occurred_at))) return null;
  if (!nullableString(d.key_id) || !nullableString(d.team_id) || !nullableString(d.end_user) || !nullableString(d.model)) return null;
  if (d.project !== undefined && !nullableString(d.project)) return null;
  if (!usage || !count(usage.total_tokens) || !cost || !count(cost.usd)) return null;
  if (error !== undefined && (typeof error !== 'object' || error === null || typeof error.code !== 'string')) return null;
  return {
    request_id: d.request_id,
    occurred_at: d.occurred_at,
    key_id: d.key_id as string | null,
    team_id: d.team_id as string | null,
    end_user: d.end_user as string | null,
    model: d.model as string | null,
    project: (d.project as string | null | undefined) ?? null,
    usage: { total_tokens: usage.total_tokens as number },
    cost: { usd: cost.usd as number },
    ...(error ? { error: { code: error.code as string } } : {}),
  };
}

const nullableString = (v: unknown) => v === null || typeof v === 'string';
const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
