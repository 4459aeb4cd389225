import { COHERE_MAX_TEXTS, embeddingBodies, embeddingFamily, embeddingTexts, toEmbeddingsResponse } from './embeddings';

describe('embeddingFamily', () => {
  it.each([
    ['amazon.titan-embed-text-v2:0', 'titan'],
    ['amazon.titan-embed-text-v1', 'titan'],
    ['cohere.embed-english-v3', 'cohere'],
    ['us.cohere.embed-multilingual-v3', 'cohere'],
  ])('%s → %s', (id, family) => expect(embeddingFamily(id)).toBe(family));

  it('a chat model is a bad_request', () => {
    expect(() => embeddingFamily('anthropic.claude-v2')).toThrow(expect.objectContaining({ kind: 'bad_request' }));
  });
});

describe('embeddingBodies', () => {
  it.each([
    ['titan, one body per text', 'titan', ['a', 'b'], {}, [{ inputText: 'a' }, { inputText: 'b' }]],
    ['titan with dimensions', 'titan', ['a'], { dimensions: 512 }, [{ inputText: 'a', dimensions: 512 }]],
    ['cohere, one batch', 'cohere', ['a', 'b'], {}, [{ texts: ['a', 'b'], input_type: 'search_document' }]],
  ] as const)('%s', (_name, family, texts, request, expected) => {
    expect(embeddingBodies(family, texts, request)).toEqual(expected);
  });

  it('cohere batches at most 96 texts and refuses dimensions', () => {
    const texts = Array.from({ length: COHERE_MAX_TEXTS + 1 }, (_, i) => `t${i}`);
    expect(embeddingBodies('cohere', texts, {}).map((b) => (b.texts as string[]).length)).toEqual([96, 1]);
    expect(() => embeddingBodies('cohere', ['a'], { dimensions: 8 })).toThrow(/dimensions/);
  });

  it('token arrays are refused', () => {
    expect(embeddingTexts('x')).toEqual(['x']);
    expect(() => embeddingTexts([1, 2, 3])).toThrow(expect.objectContaining({ kind: 'bad_request' }));
  });
});

describe('toEmbeddingsResponse', () => {
  it('titan answers in order, tokens from the body', () => {
    const answers = [
      { body: JSON.stringify({ embedding: [0.5, -0.5], inputTextTokenCount: 2 }), inputTokens: 99 },
      { body: JSON.stringify({ embedding: [1, 0], inputTextTokenCount: 3 }), inputTokens: null },
    ];
    expect(toEmbeddingsResponse('titan', answers, {}, 'amazon.titan-embed-text-v2:0', 'l')).toEqual({
      object: 'list',
      model: 'amazon.titan-embed-text-v2:0',
      data: [{ object: 'embedding', index: 0, embedding: [0.5, -0.5] }, { object: 'embedding', index: 1, embedding: [1, 0] }],
      usage: { prompt_tokens: 5, total_tokens: 5 },
    });
  });

  it('cohere batches, tokens from the header, base64 as little-endian float32', () => {
    const answers = [{ body: JSON.stringify({ embeddings: [[1, 2], [3, 4]], id: 'x', response_type: 'embeddings_floats' }), inputTokens: 4 }];
    const res = toEmbeddingsResponse('cohere', answers, { encoding_format: 'base64' }, 'cohere.embed-english-v3', 'l');
    expect(res.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
    expect(Array.from(new Float32Array(new Uint8Array(Buffer.from(res.data[1].embedding as string, 'base64')).buffer))).toEqual([3, 4]);
  });

  it('an unexpected body is a server error', () => {
    expect(() => toEmbeddingsResponse('titan', [{ body: '{"nope":1}', inputTokens: null }], {}, 'm', 'l')).toThrow(expect.objectContaining({ kind: 'server' }));
  });
});
