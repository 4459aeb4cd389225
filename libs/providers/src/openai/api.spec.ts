import { ProviderError } from '../types';
import { chatEndpoint, requestHeaders, resolveEndpoint } from './api';

describe('resolveEndpoint', () => {
  it.each([
    ['openai', null, 'https://api.openai.com', '/v1/chat/completions'],
    ['openai', 'http://127.0.0.1:4010/v1', 'http://127.0.0.1:4010', '/v1/chat/completions'],
    ['openai', 'http://127.0.0.1:4010/v1/', 'http://127.0.0.1:4010', '/v1/chat/completions'],
    ['hosted_vllm', 'http://gpu:8000/v1', 'http://gpu:8000', '/v1/chat/completions'],
    ['groq', null, 'https://api.groq.com', '/openai/v1/chat/completions'],
    ['fireworks_ai', null, 'https://api.fireworks.ai', '/inference/v1/chat/completions'],
    ['ollama_chat', 'http://localhost:11434', 'http://localhost:11434', '/v1/chat/completions'],
    ['ollama', 'http://box:11434/v1', 'http://box:11434', '/v1/chat/completions'],
    ['openai_compatible', 'https://llm.example.com', 'https://llm.example.com', '/chat/completions'],
  ])('%s with api_base %p', (provider, apiBase, origin, path) => {
    expect(resolveEndpoint({ provider, apiBase }, '/chat/completions')).toEqual({ origin, path });
  });

  it.each([
    ['hosted_vllm', null, /api_base is required/],
    ['openai', 'not a url', /not a URL/],
  ])('%s with api_base %p is a bad_request', (provider, apiBase, message) => {
    expect(() => resolveEndpoint({ provider, apiBase }, '/chat/completions')).toThrow(message);
    try {
      resolveEndpoint({ provider, apiBase }, '/x');
    } catch (e) {
      expect((e as ProviderError).kind).toBe('bad_request');
    }
  });

  it('chatEndpoint caches per provider and base', () => {
    const a = chatEndpoint({ provider: 'openai', apiBase: 'http://h:1/v1' });
    expect(chatEndpoint({ provider: 'openai', apiBase: 'http://h:1/v1' })).toBe(a);
    expect(chatEndpoint({ provider: 'openai', apiBase: 'http://h:2/v1' })).not.toBe(a);
  });
});

describe('requestHeaders', () => {
  it('sends the bearer key only when there is one, and extra_headers from the config', () => {
    expect(requestHeaders('sk-x', { extra: {} }, true)).toEqual({ 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer sk-x' });
    expect(requestHeaders(null, { extra: {} }, false)).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
    expect(requestHeaders(null, { extra: { extra_headers: { 'X-Org': 'o1', bad: 1 } } }, false)).toMatchObject({ 'x-org': 'o1' });
  });

  it('extra_headers cannot replace the deployment key', () => {
    expect(requestHeaders('sk-real', { extra: { extra_headers: { Authorization: 'Bearer other' } } }, false).authorization).toBe('Bearer sk-real');
  });
});
