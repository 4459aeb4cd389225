import { RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { AuditDecision, toAuditDecision } from './audit-row';

const completed = structuredClone(RequestCompletedV1.example) as Record<string, unknown>;
const failed = structuredClone(RequestFailedV1.example) as Record<string, unknown>;

describe('toAuditDecision', () => {
  it('flattens a completed event into one row, keeping the event as published', () => {
    const data = { ...completed, tags: ['batch', 'eu'], extra_field_from_a_newer_producer: 1 };
    const d = toAuditDecision({ subject: RequestCompletedV1.subject, seq: 42, data });
    expect(d).toEqual({
      kind: AuditDecision.row,
      row: {
        request_id: 'req_01',
        event_type: 'request.completed.v1',
        occurred_at: new Date('2026-11-22T10:00:00.000Z'),
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        key_id: 'key_demo',
        key_alias: 'demo',
        team_id: 'team_demo',
        user_id: null,
        end_user: null,
        model: 'gpt-4o-mini',
        deployment_id: 'gpt-4o-mini#0',
        provider: 'openai',
        provider_model: 'gpt-4o-mini',
        status: 200,
        stream: false,
        latency_ms: 410,
        ttft_ms: 120,
        prompt_tokens: 12,
        completion_tokens: 30,
        total_tokens: 42,
        cost_usd: 0.0000198,
        price_unknown: false,
        cache_status: 'miss',
        guard_action: 'allow',
        error_code: null,
        tags: ['batch', 'eu'],
        budget_scopes: ['key:key_demo', 'team:team_demo', 'model:gpt-4o-mini'],
        stream_seq: 42,
        event: data,
      },
    });
  });

  it('takes the error code of a failed event and tolerates a missing guard verdict', () => {
    const d = toAuditDecision({ subject: RequestFailedV1.subject, seq: 7, data: { ...failed, guard: null } });
    if (d.kind !== AuditDecision.row) throw new Error(`expected a row, got ${d.kind}`);
    expect(d.row).toMatchObject({
      event_type: 'request.failed.v1',
      status: 429,
      error_code: 'rate_limit_exceeded',
      guard_action: null,
      stream_seq: 7,
    });
  });

  it('skips event types it does not project', () => {
    expect(toAuditDecision({ subject: 'gh.evt.request.started.v1', seq: 1, data: {} })).toEqual({
      kind: AuditDecision.unknownType,
      subject: 'gh.evt.request.started.v1',
    });
  });

  it('rejects a payload that breaks its contract, saying where', () => {
    const d = toAuditDecision({ subject: RequestCompletedV1.subject, seq: 3, data: { ...completed, http_status: 'ok', request_id: undefined } });
    expect(d.kind).toBe(AuditDecision.invalid);
    if (d.kind !== AuditDecision.invalid) return;
    expect(d.detail).toContain('request_id');
    expect(d.detail).toContain('http_status');
  });

  it('rejects a failed event without its error', () => {
    const d = toAuditDecision({ subject: RequestFailedV1.subject, seq: 3, data: completed });
    expect(d).toMatchObject({ kind: AuditDecision.invalid, detail: expect.stringContaining('error') });
  });
});
