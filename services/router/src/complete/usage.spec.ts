import type { ChatCompletionChunk } from '@gatehouse/contracts';
import { chunkForClient, estimateUsage } from './usage';

const base = { id: 'c', object: 'chat.completion.chunk' as const, created: 1, model: 'm' };
const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };

describe('chunkForClient', () => {
  it('passes content chunks through untouched', () => {
    const c: ChatCompletionChunk = { ...base, choices: [{ index: 0, delta: { content: 'hi' } }] };
    expect(chunkForClient(c, false)).toBe(c);
  });

  it('drops the usage-only chunk when the client did not ask for usage', () => {
    expect(chunkForClient({ ...base, choices: [], usage }, false)).toBeNull();
  });

  it('keeps it when the client asked', () => {
    expect(chunkForClient({ ...base, choices: [], usage }, true)?.usage).toEqual(usage);
  });

  it('strips usage riding on a content chunk', () => {
    const out = chunkForClient({ ...base, choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }], usage }, false);
    expect(out).not.toHaveProperty('usage');
    expect(out?.choices[0].finish_reason).toBe('stop');
  });
});

describe('estimateUsage', () => {
  it('counts about four characters a token', () => {
    const u = estimateUsage({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(100) }] }, 40);
    expect(u.completion_tokens).toBe(10);
    expect(u.prompt_tokens).toBeGreaterThanOrEqual(25);
    expect(u.total_tokens).toBe(u.prompt_tokens + u.completion_tokens);
  });
});
