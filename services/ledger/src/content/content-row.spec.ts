import { ContentCapturedV1, ContentCapturedV2, ContentForgottenV1 } from '@gatehouse/contracts';
import { toContentDecision } from './content-row';

const now = new Date('2026-11-25T00:00:00.000Z');
const captured = (over: Record<string, unknown> = {}) => ({ ...ContentCapturedV1.example, ...over });

describe('toContentDecision', () => {
  it.each([
    ['kept for retention_days after occurred_at', { retention_days: 30 }, 'row', '2026-12-22T10:00:00.000Z'],
    ['kept forever without retention', { retention_days: null }, 'row', null],
    ['already expired on replay', { retention_days: 1 }, 'expired', undefined],
  ])('%s', (_name, over, kind, deleteAfter) => {
    const d = toContentDecision(ContentCapturedV1.subject, captured(over), 7, now);
    expect(d.kind).toBe(kind);
    if (d.kind === 'row') {
      expect(d.row).toMatchObject({ request_id: 'req_01', key_name: ContentCapturedV1.example.envelope.key_name, stream_seq: 7, delete_after: deleteAfter });
      expect(d.row.ciphertext_sha256).toBe(ContentCapturedV1.example.envelope.sha256);
    }
  });

  it('passes a forget record through, skips what breaks the contract or is unknown', () => {
    expect(toContentDecision(ContentForgottenV1.subject, ContentForgottenV1.example, 1, now).kind).toBe('forgotten');
    expect(toContentDecision(ContentCapturedV1.subject, { request_id: 'x' }, 1, now).kind).toBe('skip');
    expect(toContentDecision('gh.evt.content.other.v9', {}, 1, now).kind).toBe('skip');
  });

  it('reads v2 (endpoint, outcome, error) and v1 as an answered request', () => {
    const v2 = toContentDecision(ContentCapturedV2.subject, { ...ContentCapturedV2.example, endpoint: '/v1/embeddings' }, 3, now);
    expect(v2.kind === 'row' && v2.row).toMatchObject({ request_id: 'req_02', endpoint: '/v1/embeddings', outcome: 'refused', error_code: 'content_policy_violation', http_status: 400, level: 'redacted' });
    const v1 = toContentDecision(ContentCapturedV1.subject, captured(), 4, now);
    expect(v1.kind === 'row' && v1.row).toMatchObject({ endpoint: null, outcome: 'completed', error_code: null, http_status: null });
  });

  it('skips a v2 capture whose outcome and error disagree', () => {
    const bad = { ...ContentCapturedV2.example, outcome: 'completed' };
    expect(toContentDecision(ContentCapturedV2.subject, bad, 5, now)).toMatchObject({ kind: 'skip' });
    expect(toContentDecision(ContentCapturedV2.subject, { ...ContentCapturedV2.example, error: null }, 5, now)).toMatchObject({ kind: 'skip' });
  });
});
