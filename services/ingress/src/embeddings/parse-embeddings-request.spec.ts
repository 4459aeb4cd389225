import { GatehouseError } from '@gatehouse/contracts';
import { embedDeadlineMs, parseEmbeddingsRequest } from './parse-embeddings-request';

function param(body: unknown): string | null | undefined {
  try {
    parseEmbeddingsRequest(body);
  } catch (e) {
    expect((e as GatehouseError).status).toBe(400);
    return (e as GatehouseError).toOpenAI().error.param;
  }
  throw new Error('expected a 400');
}

describe('parseEmbeddingsRequest', () => {
  it.each([
    [{ model: 'm', input: 'a' }],
    [{ model: 'm', input: ['a', 'b'], encoding_format: 'base64', dimensions: 8 }],
    [{ model: 'm', input: [1, 2, 3] }],
    [{ model: 'm', input: [[1], [2, 3]], user: 'u' }],
  ])('accepts %j', (body) => {
    expect(parseEmbeddingsRequest(body)).toMatchObject(body);
  });

  it.each([
    ['[]', [], null],
    ['no model', { input: 'a' }, 'model'],
    ['no input', { model: 'm' }, 'input'],
    ['empty input list', { model: 'm', input: [] }, 'input'],
    ['bad encoding', { model: 'm', input: 'a', encoding_format: 'hex' }, 'encoding_format'],
    ['zero dimensions', { model: 'm', input: 'a', dimensions: 0 }, 'dimensions'],
  ])('%s → 400 naming %s', (_name, body, p) => {
    expect(param(body)).toBe(p);
  });
});

describe('embedDeadlineMs', () => {
  it('allows every attempt its slowest deployment timeout, plus a second', () => {
    expect(embedDeadlineMs([5_000, 30_000], 2)).toBe(91_000);
    expect(embedDeadlineMs([], 0)).toBe(2_000);
  });
});
