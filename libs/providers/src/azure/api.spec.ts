import type { ChatCompletionChunk } from '@gatehouse/contracts';
import { azureEndpoint, azureHeaders } from './api';
import { isFilterOnlyChunk, toAzureEmbeddingsBody } from './transforms';

describe('azureEndpoint', () => {
  it.each([
    ['https://acme.openai.azure.com', 'gpt-4o', null, 'chat/completions', 'https://acme.openai.azure.com', '/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21'],
    ['https://acme.openai.azure.com/', 'gpt-4o', '2025-01-01-preview', 'chat/completions', 'https://acme.openai.azure.com', '/openai/deployments/gpt-4o/chat/completions?api-version=2025-01-01-preview'],
    ['https://acme.openai.azure.com/openai', 'emb', null, 'embeddings', 'https://acme.openai.azure.com', '/openai/deployments/emb/embeddings?api-version=2024-10-21'],
    ['https://apim.example.com/aoai/', 'my dep', null, 'chat/completions', 'https://apim.example.com', '/aoai/openai/deployments/my%20dep/chat/completions?api-version=2024-10-21'],
  ] as const)('%s %s %p %s', (apiBase, providerModel, apiVersion, op, origin, path) => {
    expect(azureEndpoint({ apiBase, providerModel, apiVersion }, op)).toEqual({ origin, path });
  });

  it.each([
    [null, /api_base is required/],
    ['::', /not a URL/],
  ])('api_base %p is a bad_request', (apiBase, message) => {
    expect(() => azureEndpoint({ apiBase, providerModel: 'x', apiVersion: null }, 'embeddings')).toThrow(message);
  });
});

describe('azureHeaders', () => {
  it.each([
    ['key', 'k-123', {}, { 'api-key': 'k-123' }],
    ['key wins over an AD token', 'k-123', { azure_ad_token: 'eyJ.x' }, { 'api-key': 'k-123' }],
    ['Entra ID token as bearer', null, { azure_ad_token: 'eyJ.x' }, { authorization: 'Bearer eyJ.x' }],
  ])('%s', (_name, apiKey, params, expected) => {
    expect(azureHeaders(apiKey, params, { extra: {} }, false)).toEqual({ 'content-type': 'application/json', accept: 'application/json', ...expected });
  });

  it('extra_headers cannot smuggle a second credential; no credential is an auth error', () => {
    expect(azureHeaders('k', {}, { extra: { extra_headers: { Authorization: 'Bearer x' } } }, true)).not.toHaveProperty('authorization');
    expect(() => azureHeaders(null, {}, { extra: {} }, false)).toThrow(/no credential/);
  });
});

describe('Azure transforms', () => {
  const chunk = (c: Partial<ChatCompletionChunk>): ChatCompletionChunk => ({ id: '', object: 'chat.completion.chunk', created: 0, model: '', choices: [], ...c });
  it.each([
    [chunk({ prompt_filter_results: [] }), true],
    [chunk({ usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }), false],
    [chunk({ choices: [{ index: 0, delta: { content: 'x' } }] }), false],
  ])('isFilterOnlyChunk %#', (c, expected) => expect(isFilterOnlyChunk(c)).toBe(expected));

  it('embeddings body has no model and only known fields', () => {
    expect(toAzureEmbeddingsBody({ model: 'alias', input: ['a'], dimensions: 3, encoding_format: 'base64', ['metadata' as string]: {} })).toEqual({ input: ['a'], dimensions: 3, encoding_format: 'base64' });
  });
});
