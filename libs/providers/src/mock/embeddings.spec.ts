import { mockEmbeddings, mockInputs, MOCK_EMBEDDING_DIMENSIONS } from './embeddings';

const deployment = { providerModel: 'mock-embed', extra: {} };
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('mockInputs', () => {
  it.each([
    ['hello big world', ['hello big world'], 3],
    [['a b', 'c'], ['a b', 'c'], 3],
    [[1, 2, 3], ['1,2,3'], 3],
    [[[1, 2], [3]], ['1,2', '3'], 3],
  ] as const)('%j → %j, %d tokens', (input, texts, tokens) => {
    expect(mockInputs(input as never)).toEqual({ texts, tokens });
  });
});

describe('mockEmbeddings', () => {
  it('gives one unit vector per input, deterministic, default 1536 dimensions', () => {
    const a = mockEmbeddings({ model: 'x', input: ['same', 'other', 'same'] }, deployment);
    expect(a).toMatchObject({ object: 'list', model: 'mock-embed', usage: { prompt_tokens: 3, total_tokens: 3 } });
    const [v0, v1, v2] = a.data.map((d) => d.embedding as number[]);
    expect(v0).toHaveLength(MOCK_EMBEDDING_DIMENSIONS);
    expect(norm(v0)).toBeCloseTo(1, 5);
    expect(v2).toEqual(v0);
    expect(v1).not.toEqual(v0);
    expect(a.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(mockEmbeddings({ model: 'x', input: 'same' }, deployment).data[0].embedding).toEqual(v0);
  });

  it('honours dimensions, then the deployment default', () => {
    expect(mockEmbeddings({ model: 'x', input: 'a', dimensions: 8 }, deployment).data[0].embedding).toHaveLength(8);
    expect(mockEmbeddings({ model: 'x', input: 'a' }, { ...deployment, extra: { mock_dimensions: 4 } }).data[0].embedding).toHaveLength(4);
  });

  it('encodes base64 as little-endian float32 of the same vector', () => {
    const floats = mockEmbeddings({ model: 'x', input: 'a', dimensions: 16 }, deployment).data[0].embedding as number[];
    const b64 = mockEmbeddings({ model: 'x', input: 'a', dimensions: 16, encoding_format: 'base64' }, deployment).data[0].embedding as string;
    const buf = Buffer.from(b64, 'base64');
    expect(buf.length).toBe(64);
    const decoded = Array.from({ length: 16 }, (_, i) => buf.readFloatLE(i * 4));
    expect(decoded).toEqual(floats);
  });
});
