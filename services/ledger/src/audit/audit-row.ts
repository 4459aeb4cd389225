import { type EventPayload, RequestCompletedV1, RequestFailedV1, scopeIdsOf } from '@gatehouse/contracts';

/** One row of `audit_entries`: the flat, queryable part of a request event plus the event itself. */
export interface AuditRow {
  request_id: string;
  event_type: string;
  occurred_at: Date;
  trace_id: string | null;
  key_id: string | null;
  key_alias: string | null;
  team_id: string | null;
  user_id: string | null;
  end_user: string | null;
  model: string | null;
  deployment_id: string | null;
  provider: string | null;
  provider_model: string | null;
  status: number;
  stream: boolean;
  latency_ms: number;
  ttft_ms: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cost_usd: number;
  price_unknown: boolean;
  cache_status: string;
  guard_action: string | null;
  error_code: string | null;
  tags: string[];
  /** The budget scopes the request counted against (`scopeIdsOf`, quota's rule): budget usage per scope. */
  budget_scopes: string[];
  stream_seq: number;
  /** The event exactly as it was published (unknown fields included), for audit fidelity. */
  event: Record<string, unknown>;
}

/** What the projection consumes: a stream message reduced to what it needs. */
export interface StreamMessage {
  subject: string;
  seq: number;
  data: unknown;
}

export const AuditDecision = { row: 'row', unknownType: 'unknown_type', invalid: 'invalid' } as const;
export type AuditDecision =
  | { kind: typeof AuditDecision.row; row: AuditRow }
  /** An event type this ledger version does not project (e.g. a newer one): acknowledged and skipped. */
  | { kind: typeof AuditDecision.unknownType; subject: string }
  /** A payload that does not match its contract: never written, reported. */
  | { kind: typeof AuditDecision.invalid; subject: string; detail: string };

/** The event types this projection handles, by subject (a new one fails to compile until handled below). */
const Handled = { completed: 'completed', failed: 'failed' } as const;
type Handled = (typeof Handled)[keyof typeof Handled];
const handledBySubject = new Map<string, Handled>([
  [RequestCompletedV1.subject, Handled.completed],
  [RequestFailedV1.subject, Handled.failed],
]);
export const auditSubjects: readonly string[] = [...handledBySubject.keys()];

/** The pure part of the audit projection: one stream message → one row (or why not). */
export function toAuditDecision(msg: StreamMessage): AuditDecision {
  const handled = handledBySubject.get(msg.subject);
  if (!handled) return { kind: AuditDecision.unknownType, subject: msg.subject };
  switch (handled) {
    case Handled.completed: {
      const parsed = RequestCompletedV1.schema.safeParse(msg.data);
      if (!parsed.success) return invalid(msg, parsed.error.issues);
      return { kind: AuditDecision.row, row: factsToRow(parsed.data, null, eventType(RequestCompletedV1), msg) };
    }
    case Handled.failed: {
      const parsed = RequestFailedV1.schema.safeParse(msg.data);
      if (!parsed.success) return invalid(msg, parsed.error.issues);
      return { kind: AuditDecision.row, row: factsToRow(parsed.data, parsed.data.error.code, eventType(RequestFailedV1), msg) };
    }
    default: {
      const unhandled: never = handled;
      throw new Error(`audit projection does not handle ${String(unhandled)}`);
    }
  }
}

const eventType = (e: { type: string; version: number }) => `${e.type}.v${e.version}`;

function invalid(msg: StreamMessage, issues: readonly { path: readonly PropertyKey[]; message: string }[]): AuditDecision {
  const detail = issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { kind: AuditDecision.invalid, subject: msg.subject, detail };
}

function factsToRow(
  f: EventPayload<typeof RequestCompletedV1>,
  errorCode: string | null,
  type: string,
  msg: StreamMessage,
): AuditRow {
  return {
    request_id: f.request_id,
    event_type: type,
    occurred_at: new Date(f.occurred_at),
    trace_id: f.trace_id,
    key_id: f.key_id,
    key_alias: f.key_alias,
    team_id: f.team_id,
    user_id: f.user_id,
    end_user: f.end_user,
    model: f.model,
    deployment_id: f.route.deployment_id,
    provider: f.route.provider,
    provider_model: f.route.provider_model,
    status: f.http_status,
    stream: f.stream,
    latency_ms: f.latency_ms,
    ttft_ms: f.route.ttft_ms,
    prompt_tokens: f.usage.prompt_tokens,
    completion_tokens: f.usage.completion_tokens,
    total_tokens: f.usage.total_tokens,
    cost_usd: f.cost.usd,
    price_unknown: f.cost.price_unknown,
    cache_status: f.cache.status,
    guard_action: f.guard?.action ?? null,
    error_code: errorCode,
    tags: f.tags,
    budget_scopes: scopeIdsOf(f),
    stream_seq: msg.seq,
    event: msg.data as Record<string, unknown>,
  };
}
