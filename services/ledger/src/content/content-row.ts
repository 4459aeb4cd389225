import { ContentCapturedV1, ContentCapturedV2, ContentForgottenV1, type EventPayload } from '@gatehouse/contracts';

/** One row of `audit_content`: ciphertext and the facts needed to find, forget and expire it. */
export interface ContentRow {
  request_id: string;
  occurred_at: string;
  team_id: string | null;
  key_id: string | null;
  subject: string | null;
  level: string;
  key_name: string;
  data_key_id: string;
  envelope: EventPayload<typeof ContentCapturedV1>['envelope'];
  ciphertext_sha256: string;
  delete_after: string | null;
  stream_seq: number;
  /** From captured.v2; a v1 capture was an answered chat request, endpoint not recorded. */
  endpoint: string | null;
  outcome: EventPayload<typeof ContentCapturedV2>['outcome'];
  error_code: string | null;
  http_status: number | null;
}

type Captured = EventPayload<typeof ContentCapturedV2>;

/** Pure: v1 read as v2 (upcast on read: an answered request, endpoint unknown). */
function capturedOf(subject: string, data: unknown): { ok: true; e: Captured } | { ok: false; detail: string } | null {
  const contract = subject === ContentCapturedV2.subject ? ContentCapturedV2 : subject === ContentCapturedV1.subject ? ContentCapturedV1 : null;
  if (!contract) return null;
  const p = contract.schema.safeParse(data);
  if (!p.success) return { ok: false, detail: `invalid ${subject}: ${p.error.issues[0]?.message ?? ''}` };
  return { ok: true, e: contract === ContentCapturedV2 ? (p.data as Captured) : { endpoint: '', outcome: 'completed', error: null, ...p.data } };
}

export type ContentDecision =
  | { kind: 'row'; row: ContentRow }
  | { kind: 'forgotten'; event: EventPayload<typeof ContentForgottenV1> }
  /** Already past its retention (a replay of an old message): not stored again. */
  | { kind: 'expired'; request_id: string }
  | { kind: 'skip'; detail: string };

const DAY_MS = 86_400_000;

/** Pure: a GH_CONTENT message → what the content projection does with it. */
export function toContentDecision(subject: string, data: unknown, seq: number, now: Date): ContentDecision {
  const captured = capturedOf(subject, data);
  if (captured && !captured.ok) return { kind: 'skip', detail: captured.detail };
  if (captured?.ok) {
    const e = captured.e;
    const deleteAfter = e.retention_days === null ? null : new Date(Date.parse(e.occurred_at) + e.retention_days * DAY_MS);
    if (deleteAfter && deleteAfter <= now) return { kind: 'expired', request_id: e.request_id };
    return {
      kind: 'row',
      row: {
        request_id: e.request_id, occurred_at: e.occurred_at, team_id: e.team_id, key_id: e.key_id, subject: e.subject, level: e.level,
        key_name: e.envelope.key_name, data_key_id: e.envelope.data_key_id, envelope: e.envelope, ciphertext_sha256: e.envelope.sha256,
        delete_after: deleteAfter?.toISOString() ?? null, stream_seq: seq,
        endpoint: e.endpoint || null, outcome: e.outcome, error_code: e.error?.code ?? null, http_status: e.error?.http_status ?? null,
      },
    };
  }
  if (subject === ContentForgottenV1.subject) {
    const p = ContentForgottenV1.schema.safeParse(data);
    return p.success ? { kind: 'forgotten', event: p.data } : { kind: 'skip', detail: `invalid ${subject}: ${p.error.issues[0]?.message ?? ''}` };
  }
  return { kind: 'skip', detail: `event type not handled by this ledger version: ${subject}` };
}
