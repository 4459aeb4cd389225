import { ProviderError } from '../types';
import { vertexEndpoint, vertexTarget, vertexToken } from './api';
import { fromPredictEmbeddings, toPredictBody } from './embeddings';

describe('vertexEndpoint', () => {
  const t = { project: 'proj-1', location: 'europe-west4' };
  it.each([
    [null, t, 'gemini-2.0-flash', 'generateContent', 'https://europe-west4-aiplatform.googleapis.com', '/v1/projects/proj-1/locations/europe-west4/publishers/google/models/gemini-2.0-flash:generateContent'],
    [null, t, 'gemini-2.0-flash', 'streamGenerateContent', 'https://europe-west4-aiplatform.googleapis.com', '/v1/projects/proj-1/locations/europe-west4/publishers/google/models/gemini-2.0-flash:streamGenerateContent?alt=sse'],
    [null, { project: 'p', location: 'global' }, 'gemini-2.5-pro', 'generateContent', 'https://aiplatform.googleapis.com', '/v1/projects/p/locations/global/publishers/google/models/gemini-2.5-pro:generateContent'],
    ['http://127.0.0.1:4010', t, 'text-embedding-005', 'predict', 'http://127.0.0.1:4010', '/v1/projects/proj-1/locations/europe-west4/publishers/google/models/text-embedding-005:predict'],
    ['https://gw.example.com/vertex/v1beta1', t, 'm', 'generateContent', 'https://gw.example.com', '/vertex/v1beta1/projects/proj-1/locations/europe-west4/publishers/google/models/m:generateContent'],
    [null, t, 'endpoints/1234567', 'generateContent', 'https://europe-west4-aiplatform.googleapis.com', '/v1/projects/proj-1/locations/europe-west4/endpoints/1234567:generateContent'],
  ] as const)('api_base %p %j %s %s', (apiBase, target, providerModel, method, origin, path) => {
    expect(vertexEndpoint({ apiBase, providerModel }, target, method)).toEqual({ origin, path });
  });
});

describe('vertexTarget and vertexToken (LiteLLM params)', () => {
  it.each([
    [{ vertex_project: 'p' }, { project: 'p', location: 'us-central1' }],
    [{ vertex_project: 'p', vertex_location: 'asia-northeast1' }, { project: 'p', location: 'asia-northeast1' }],
  ])('%j', (params, expected) => expect(vertexTarget(params)).toEqual(expected));

  it('a missing project is a bad_request', () => {
    expect(() => vertexTarget({})).toThrow(/vertex_project is required/);
  });

  it('the token: api_key first, else vertex_access_token; none is an auth error that names vertex_credentials', () => {
    expect(vertexToken('ya29.key', { vertex_access_token: 'ya29.other' })).toBe('ya29.key');
    expect(vertexToken(null, { vertex_access_token: 'ya29.other' })).toBe('ya29.other');
    expect(() => vertexToken(null, {})).toThrow(ProviderError);
    expect(() => vertexToken(null, { vertex_credentials: '{...}' })).toThrow(/vertex_credentials is not exchanged/);
  });
});

describe('Vertex predict embeddings', () => {
  it('toPredictBody', () => {
    expect(toPredictBody({ model: 'e', input: ['a', 'b'], dimensions: 64 })).toEqual({ instances: [{ content: 'a' }, { content: 'b' }], parameters: { outputDimensionality: 64 } });
    expect(toPredictBody({ model: 'e', input: 'a' }, 'RETRIEVAL_DOCUMENT')).toEqual({ instances: [{ content: 'a', task_type: 'RETRIEVAL_DOCUMENT' }] });
  });

  it('fromPredictEmbeddings: usage from token counts', () => {
    const wire = { predictions: [{ embeddings: { values: [0.1], statistics: { token_count: 2, truncated: false } } }, { embeddings: { values: [0.2], statistics: { token_count: 3 } } }] };
    expect(fromPredictEmbeddings(wire, { model: 'e', input: ['a', 'b'] }, 'text-embedding-005')).toEqual({
      object: 'list', model: 'text-embedding-005',
      data: [{ object: 'embedding', index: 0, embedding: [0.1] }, { object: 'embedding', index: 1, embedding: [0.2] }],
      usage: { prompt_tokens: 5, total_tokens: 5 },
    });
  });
});
