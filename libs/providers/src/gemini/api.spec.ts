import { geminiEndpoint, geminiHeaders, modelResource } from './api';

describe('geminiEndpoint', () => {
  it.each([
    [null, 'gemini-2.0-flash', 'generateContent', 'https://generativelanguage.googleapis.com', '/v1beta/models/gemini-2.0-flash:generateContent'],
    [null, 'gemini-2.0-flash', 'streamGenerateContent', 'https://generativelanguage.googleapis.com', '/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse'],
    ['http://127.0.0.1:4010', 'm', 'batchEmbedContents', 'http://127.0.0.1:4010', '/v1beta/models/m:batchEmbedContents'],
    ['https://proxy.example.com/google/', 'm', 'generateContent', 'https://proxy.example.com', '/google/v1beta/models/m:generateContent'],
    ['https://proxy.example.com/v1', 'm', 'generateContent', 'https://proxy.example.com', '/v1/models/m:generateContent'],
    [null, 'tunedModels/my-tune', 'generateContent', 'https://generativelanguage.googleapis.com', '/v1beta/tunedModels/my-tune:generateContent'],
  ] as const)('api_base %p, model %s, %s', (apiBase, providerModel, method, origin, path) => {
    expect(geminiEndpoint({ apiBase, providerModel }, method)).toEqual({ origin, path });
  });

  it('a base that is not a URL is a bad_request', () => {
    expect(() => geminiEndpoint({ apiBase: 'nope', providerModel: 'm' }, 'generateContent')).toThrow(/api_base is not a URL/);
  });

  it('modelResource', () => {
    expect(modelResource('text-embedding-004')).toBe('models/text-embedding-004');
    expect(modelResource('models/x')).toBe('models/x');
  });
});

describe('geminiHeaders', () => {
  it('the key goes in x-goog-api-key, never as a bearer', () => {
    expect(geminiHeaders('AIza-k', { extra: {} }, true)).toEqual({ 'content-type': 'application/json', accept: 'text/event-stream', 'x-goog-api-key': 'AIza-k' });
    expect(geminiHeaders(null, { extra: { extra_headers: { 'X-Goog-User-Project': 'p' } } }, false)).toEqual({ 'content-type': 'application/json', accept: 'application/json', 'x-goog-user-project': 'p' });
  });
});
