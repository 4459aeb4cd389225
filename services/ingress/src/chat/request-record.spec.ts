import { GatehouseError, RequestCompletedV1, RequestFailedV1 } from '@gatehouse/contracts';
import { failedFacts, newRecord, tagsFrom, toRequestFacts } from './request-record';

describe('request record → event', () => {
  const rec = newRecord('req_1', 'a'.repeat(32), '/v1/chat/completions', new Date('2026-01-01T00:00:00Z'));
  rec.principal = { key_id: 'key_1', key_alias: 'k', team_id: 't', user_id: null, role: 'internal_user', models: ['*'], rpm_limit: null, tpm_limit: null, max_parallel_requests: null, metadata: {} };
  rec.model = 'gpt-4o-mini';
  rec.usage = { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8, prompt_tokens_details: { cached_tokens: 1 } };

  it('builds a completed event that matches its contract', () => {
    const facts = toRequestFacts(rec, 200, rec.startedAt + 12.5);
    expect(RequestCompletedV1.schema.parse(facts)).toMatchObject({
      request_id: 'req_1', key_id: 'key_1', team_id: 't', http_status: 200, latency_ms: 12.5,
      usage: { prompt_tokens: 3, completion_tokens: 5, total_tokens: 8, cached_tokens: 1, reasoning_tokens: 0 },
    });
  });

  it('builds a failed event with the error code and status', () => {
    const facts = failedFacts(rec, new GatehouseError('rate_limit_exceeded', 'slow down'));
    expect(RequestFailedV1.schema.parse(facts)).toMatchObject({ http_status: 429, error: { code: 'rate_limit_exceeded' } });
  });

  it('keeps only string tags', () => {
    expect(tagsFrom({ tags: ['a', 1, 'b'] })).toEqual(['a', 'b']);
    expect(tagsFrom(undefined)).toEqual([]);
  });

  it('adds the x-litellm-tags header to the metadata tags, trimmed and without repeats', () => {
    expect(tagsFrom({ tags: ['eu'] }, ' team-api, eu ,,production')).toEqual(['eu', 'team-api', 'production']);
    expect(tagsFrom(undefined, ['a,b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
