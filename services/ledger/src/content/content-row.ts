import { ContentCapturedV1, ContentForgottenV1, type EventPayload } from '@gatehouse/contracts';

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
  if (subject === ContentCapturedV1.subject) {
    const p = ContentCapturedV1.schema.safeParse(data);
    if (!p.success) return { kind: 'skip', detail: `invalid ${subject}: ${p.error.issues[0]?.message ?? ''}` };
    const e = p.data;
    const deleteAfter = e.retention_days === null ? null : new Date(Date.parse(e.occurred_at) + e.retention_days * DAY_MS);
    if (deleteAfter && deleteAfter <= now) return { kind: 'expired', request_id: e.request_id };
    return {
      kind: 'row',
      row: {
        request_id: e.request_id, occurred_at: e.occurred_at, team_id: e.team_id, key_id: e.key_id, subject: e.subject, level: e.level,
        key_name: e.envelope.key_name, data_key_id: e.envelope.data_key_id, envelope: e.envelope, ciphertext_sha256: e.envelope.sha256,
        delete_after: deleteAfter?.toISOString() ?? null, stream_seq: seq,
      },
    };
  }
  if (subject === ContentForgottenV1.subject) {
    const p = ContentForgottenV1.schema.safeParse(data);
    return p.success ? { kind: 'forgotten', event: p.data } : { kind: 'skip', detail: `invalid ${subject}: ${p.error.issues[0]?.message ?? ''}` };
  }
  return { kind: 'skip', detail: `event type not handled by this ledger version: ${subject}` };
}
