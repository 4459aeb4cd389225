import type { EmbeddingsRequest, EmbeddingsResponse, GuardVerdict } from '@gatehouse/contracts';
import { ContentSettings } from '@gatehouse/config';
import { errorDoc, outcomeOf } from './content-document';
import { embeddingsDocument } from './embeddings-document';
import { refusedPlan } from './content-policy';

describe('refusedPlan (docs/adr/0012)', () => {
  const settings = ContentSettings.parse({
    default: { logging: 'none' },
    teams: { f: { logging: 'full', retention_days: 30 }, r: { logging: 'redacted' }, m: { logging: 'metadata' } },
  });
  const g = (on: boolean, ran: boolean, blocked = false) => ({ on, ran, blocked });
  it.each([
    ['full, blocked: the redacted form, labelled redacted', 'f', g(true, true, true), { level: 'redacted', retentionDays: 30, text: 'stored' }],
    ['redacted, blocked', 'r', g(true, true, true), { level: 'redacted', retentionDays: null, text: 'stored' }],
    ['metadata, blocked: the shape of the redacted form', 'm', g(true, true, true), { level: 'metadata', retentionDays: null, text: 'stored' }],
    ['full, guard allowed (quota refused)', 'f', g(true, true), { level: 'full', retentionDays: 30, text: 'original' }],
    ['redacted, guard allowed', 'r', g(true, true), { level: 'redacted', retentionDays: null, text: 'guarded' }],
    ['full, guard on but no verdict: shape only', 'f', g(true, false), { level: 'metadata', retentionDays: 30, text: 'original' }],
    ['redacted, guard on but no verdict', 'r', g(true, false), { level: 'metadata', retentionDays: null, text: 'original' }],
    ['full, guard off for the team: as an answer would be', 'f', g(false, false), { level: 'full', retentionDays: 30, text: 'original' }],
  ] as const)('%s', (_n, team, guard, plan) => expect(refusedPlan(settings, team, guard)).toEqual(plan));

  it('stores nothing for a team whose logging is none, blocked or not', () => {
    expect(refusedPlan(settings, 'other', g(true, true, true))).toBeNull();
    expect(refusedPlan(settings, null, g(false, false))).toBeNull();
  });
});

describe('errorDoc / outcomeOf', () => {
  const verdict: GuardVerdict = {
    action: 'block', status: 'ok',
    findings: [{ detector: 'pii.payment_card', version: '1.1.0', score: 1, action: 'block', message_index: 0, origin: 'user', direction: 'inbound', reasons: ['luhn'], count: 1 }],
  };
  it('names the guard findings of a content policy refusal, never a message', () => {
    expect(errorDoc('content_policy_violation', 400, verdict)).toEqual({
      code: 'content_policy_violation', http_status: 400, guard: [{ detector: 'pii.payment_card', action: 'block', direction: 'inbound', count: 1 }],
    });
    expect(errorDoc('rate_limit_exceeded', 429, verdict)).toEqual({ code: 'rate_limit_exceeded', http_status: 429 });
  });
  it.each([[400, 'refused'], [403, 'refused'], [429, 'refused'], [499, 'refused'], [502, 'failed'], [503, 'failed']] as const)('%i → %s', (s, o) => expect(outcomeOf(s)).toBe(o));
});

describe('embeddingsDocument', () => {
  const req = { model: 'e', input: ['hello world', 'abc'], dimensions: 4 } as EmbeddingsRequest;
  const response: EmbeddingsResponse = {
    object: 'list', model: 'e', usage: { prompt_tokens: 3, total_tokens: 3 },
    data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3, 0.4] }, { object: 'embedding', index: 1, embedding: Buffer.alloc(16).toString('base64') }],
  };

  it('keeps the shape at metadata level, the input at full, never the vectors', () => {
    const meta = embeddingsDocument('metadata', req, response);
    expect(meta).toEqual({
      v: 1, kind: 'embeddings', level: 'metadata',
      shape: { model: 'e', inputs: [{ chars: 11 }, { chars: 3 }], dimensions: 4, vectors: [{ index: 0, dims: 4 }, { index: 1, dims: 4 }], usage: { prompt_tokens: 3, total_tokens: 3 } },
    });
    const full = embeddingsDocument('full', req, response);
    expect(full).toMatchObject({ level: 'full', request: { model: 'e', input: ['hello world', 'abc'] } });
    expect(JSON.stringify(full)).not.toContain('0.2');
  });

  it('sizes token inputs, and records a refusal without a response', () => {
    const d = embeddingsDocument('full', { model: 'e', input: [[1, 2, 3], [4]] } as EmbeddingsRequest, null, { code: 'rate_limit_exceeded', http_status: 429 });
    expect(d.shape).toMatchObject({ inputs: [{ tokens: 3 }, { tokens: 1 }], vectors: [], usage: null });
    expect(d).toMatchObject({ error: { code: 'rate_limit_exceeded', http_status: 429 } });
    expect(embeddingsDocument('metadata', { model: 'e', input: [5, 6] } as EmbeddingsRequest, null).shape.inputs).toEqual([{ tokens: 2 }]);
    expect(embeddingsDocument('metadata', { model: 'e', input: 'hi' } as EmbeddingsRequest, null).shape.inputs).toEqual([{ chars: 2 }]);
  });
});
