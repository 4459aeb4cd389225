import { ProviderError } from '../types';
import { anthropicHeaders, messagesEndpoint } from './api';
import { refineAnthropicError } from './errors';

describe('messagesEndpoint', () => {
  it.each([
    [null, 'https://api.anthropic.com', '/v1/messages'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010', '/v1/messages'],
    ['http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010', '/v1/messages'],
    ['https://proxy.example.com/anthropic/v1/messages', 'https://proxy.example.com', '/anthropic/v1/messages'],
    ['https://proxy.example.com/anthropic', 'https://proxy.example.com', '/anthropic/v1/messages'],
  ])('api_base %p', (apiBase, origin, path) => expect(messagesEndpoint({ apiBase })).toEqual({ origin, path }));

  it('a base that is not a URL is a bad_request', () => {
    expect(() => messagesEndpoint({ apiBase: 'nope' })).toThrow(ProviderError);
  });
});

describe('anthropicHeaders', () => {
  it('x-api-key, anthropic-version, and extra_headers that cannot replace the key', () => {
    expect(anthropicHeaders('sk-ant-1', { extra: {} }, true)).toEqual({ 'content-type': 'application/json', accept: 'text/event-stream', 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant-1' });
    const h = anthropicHeaders('sk-ant-1', { extra: { extra_headers: { 'anthropic-beta': 'prompt-caching-2024-07-31', 'X-Api-Key': 'other' } } }, false);
    expect(h).toMatchObject({ 'anthropic-beta': 'prompt-caching-2024-07-31', 'x-api-key': 'sk-ant-1' });
    expect(anthropicHeaders(null, { extra: {} }, false)['x-api-key']).toBeUndefined();
  });
});

describe('refineAnthropicError', () => {
  it.each([
    ['prompt is too long: 210000 tokens > 200000 maximum', 'context_window'],
    ['input length and `max_tokens` exceed context limit: 190000 + 20000 > 200000', 'context_window'],
    ['messages.0.content: Field required', 'bad_request'],
  ])('%s → %s', (message, kind) => {
    expect(refineAnthropicError(new ProviderError('bad_request', `anthropic/claude answered 400: ${message}`, 400))).toMatchObject({ kind, status: 400 });
  });

  it('leaves other errors alone', () => {
    const e = new ProviderError('server', 'prompt is too long', 500);
    expect(refineAnthropicError(e)).toBe(e);
  });
});
