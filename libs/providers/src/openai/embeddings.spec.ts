import type { Deployment } from '@gatehouse/config';
import { start, type Simulator } from '@gatehouse/simulator';
import { PoolRegistry } from '../http';
import { ProviderError, type EmbeddingsCall } from '../types';
import { fromWireEmbeddings, openAIEmbeddings, parseEmbeddings, toEmbeddingsBody } from './embeddings';

const shape = { provider: 'openai', providerModel: 'text-embedding-3-small', extra: {} };
const ctx = { label: 'openai/text-embedding-3-small', apiKey: 'sk-secret-123456' };

describe('toEmbeddingsBody', () => {
  it('sends the provider model, keeps OpenAI fields and drops gateway-only ones', () => {
    expect(toEmbeddingsBody({ model: 'alias', input: ['a'], dimensions: 8, encoding_format: 'base64', user: 'u', metadata: { tags: [] } }, shape)).toEqual({
      model: 'text-embedding-3-small', input: ['a'], dimensions: 8, encoding_format: 'base64', user: 'u',
    });
  });
});

describe('fromWireEmbeddings', () => {
  it.each([
    [{ data: [{ embedding: [1, 0] }] }, { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1, 0] }], model: 'text-embedding-3-small', usage: { prompt_tokens: 0, total_tokens: 0 } }],
    [
      { object: 'list', data: [{ object: 'embedding', index: 1, embedding: 'AAA=' }], model: 'm', usage: { prompt_tokens: 4 } },
      { object: 'list', data: [{ object: 'embedding', index: 1, embedding: 'AAA=' }], model: 'm', usage: { prompt_tokens: 4, total_tokens: 4 } },
    ],
  ])('%j → OpenAI form', (wire, expected) => {
    expect(fromWireEmbeddings(wire, shape)).toEqual(expected);
  });
});

describe('parseEmbeddings', () => {
  it.each([
    ['not json', /not JSON/],
    ['{"error":{"message":"bad sk-secret-123456"}}', /answered with an error/],
    ['{"data":[{"embedding":{}}]}', /unexpected embeddings response \(data\.0\.embedding/],
  ])('%s → a server ProviderError', (text, message) => {
    let err: unknown;
    try {
      parseEmbeddings(text, shape, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toMatch(message);
    expect((err as ProviderError).message).not.toContain('sk-secret-123456');
  });
});

describe('openAIEmbeddings against the simulator', () => {
  const KEY = 'embed-test-key-77aa';
  const pools = new PoolRegistry();
  let sim: Simulator;
  beforeAll(async () => {
    sim = await start({ apiKey: KEY });
  });
  afterAll(async () => {
    await pools.close();
    await sim.close();
  });

  const call = (request: EmbeddingsCall['request']): EmbeddingsCall => ({
    deployment: { id: 'e#0', provider: 'openai', providerModel: 'text-embedding-3-small', apiBase: sim.url, extra: {} } as unknown as Deployment,
    apiKey: KEY, params: {}, request, signal: new AbortController().signal, timeoutMs: 5000,
  });

  it('embeds floats and base64 with the provider model and the deployment key', async () => {
    const floats = await openAIEmbeddings(pools, call({ model: 'alias', input: ['one two', 'three'], dimensions: 4 }));
    expect(floats.data.map((d) => (d.embedding as number[]).length)).toEqual([4, 4]);
    expect(floats.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect(sim.requests.at(-1)?.body).toMatchObject({ model: 'text-embedding-3-small' });
    const b64 = await openAIEmbeddings(pools, call({ model: 'alias', input: 'one two', dimensions: 4, encoding_format: 'base64' }));
    expect(Buffer.from(b64.data[0].embedding as string, 'base64').readFloatLE(0)).toBeCloseTo((floats.data[0].embedding as number[])[0], 6);
  });

  it('maps a 429 to a retryable ProviderError', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 0 });
    await expect(openAIEmbeddings(pools, call({ model: 'alias', input: 'x' }))).rejects.toMatchObject({ kind: 'rate_limited', retryable: true });
  });
});
