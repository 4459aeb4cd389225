import { canonicalJson, exactCacheKey } from './cache-key';

const req = { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0 };

describe('exactCacheKey', () => {
  it('ignores key order and fields that do not change the answer', () => {
    const a = exactCacheKey('team-a', req);
    const b = exactCacheKey('team-a', { temperature: 0, stream: true, user: 'u1', messages: [{ content: 'hi', role: 'user' }], model: 'm' });
    expect(a).toBe(b);
  });

  it('differs per tenant namespace', () => {
    expect(exactCacheKey('team-a', req)).not.toBe(exactCacheKey('team-b', req));
  });

  it.each([
    ['system prompt', { messages: [{ role: 'system', content: 'x' }, ...req.messages] }],
    ['tools', { tools: [{ type: 'function', function: { name: 'f' } }] }],
    ['temperature', { temperature: 1 }],
    ['seed', { seed: 7 }],
    ['response_format', { response_format: { type: 'json_object' } }],
  ])('changes with %s', (_what, change) => {
    expect(exactCacheKey('t', { ...req, ...change })).not.toBe(exactCacheKey('t', req));
  });

  it('is a valid KV key', () => {
    expect(exactCacheKey('team a/b', req)).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{64}$/);
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});
