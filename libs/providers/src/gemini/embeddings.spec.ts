import { encodeEmbedding, fromBatchEmbeddings, toBatchEmbedBody } from './embeddings';

describe('gemini embeddings transforms', () => {
  it.each([
    [{ model: 'e', input: 'one' }, undefined, { requests: [{ model: 'models/text-embedding-004', content: { parts: [{ text: 'one' }] } }] }],
    [
      { model: 'e', input: ['a', 'b'], dimensions: 256 }, 'RETRIEVAL_QUERY',
      { requests: ['a', 'b'].map((text) => ({ model: 'models/text-embedding-004', content: { parts: [{ text }] }, outputDimensionality: 256, taskType: 'RETRIEVAL_QUERY' })) },
    ],
  ])('toBatchEmbedBody(%j, %p)', (request, taskType, expected) => expect(toBatchEmbedBody(request, 'text-embedding-004', taskType)).toEqual(expected));

  it('token arrays are a bad_request', () => {
    expect(() => toBatchEmbedBody({ model: 'e', input: [1, 2, 3] }, 'm')).toThrow(/text only/);
  });

  it('fromBatchEmbeddings: OpenAI list shape, usage estimated', () => {
    expect(fromBatchEmbeddings({ embeddings: [{ values: [0.5, -0.25] }, { values: [1, 0] }] }, { model: 'e', input: ['abcd', 'abcdefgh'] }, 'text-embedding-004')).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.5, -0.25] }, { object: 'embedding', index: 1, embedding: [1, 0] }],
      model: 'text-embedding-004',
      usage: { prompt_tokens: 3, total_tokens: 3 },
    });
  });

  it('base64 is little-endian float32', () => {
    const b64 = encodeEmbedding([0.5, -0.25], 'base64') as string;
    const buf = Buffer.from(b64, 'base64');
    expect([buf.readFloatLE(0), buf.readFloatLE(4)]).toEqual([0.5, -0.25]);
    expect(encodeEmbedding([1], 'float')).toEqual([1]);
  });
});
