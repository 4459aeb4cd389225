import { RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { readRequestEvent } from './request-event';

describe('readRequestEvent', () => {
  it('reads what quota needs from the contract examples of both request events', () => {
    for (const c of [RequestCompletedV1, RequestFailedV1]) {
      const e = c.schema.parse(c.example) as Record<string, any>;
      expect(readRequestEvent(e)).toEqual({
        request_id: e.request_id, occurred_at: e.occurred_at, key_id: e.key_id, team_id: e.team_id, end_user: e.end_user, model: e.model, project: null,
        usage: { total_tokens: e.usage.total_tokens }, cost: { usd: e.cost.usd }, ...(e.error ? { error: { code: e.error.code } } : {}),
      });
    }
    expect(readRequestEvent({ ...RequestCompletedV1.example, project: 'invoices' })?.project).toBe('invoices');
  });

  it.each([
    ['not an object', 'x'],
    ['no request id', { ...RequestCompletedV1.example, request_id: undefined }],
    ['a bad start time', { ...RequestCompletedV1.example, occurred_at: 'yesterday' }],
    ['a numeric key id', { ...RequestCompletedV1.example, key_id: 7 }],
    ['a negative cost', { ...RequestCompletedV1.example, cost: { usd: -1, price_unknown: false } }],
    ['no usage', { ...RequestCompletedV1.example, usage: undefined }],
    ['an error without code', { ...RequestCompletedV1.example, error: { message: 'x' } }],
    ['a numeric project', { ...RequestCompletedV1.example, project: 3 }],
  ])('rejects %s (the event is skipped, never a crash)', (_what, data) => {
    expect(readRequestEvent(data)).toBeNull();
  });
});
