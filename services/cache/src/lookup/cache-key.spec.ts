import { canonicalJson, exactCacheKey, namespaceToken, semanticParts } from './cache-key';

const req = { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0 };

describe('exactCacheKey', () => {
  it('ignores key order and fields that do not change the answer', () => {
    const a = exactCacheKey('team-a', req);
    const b = exactCacheKey('team-a', { temperature: 0, stream: true, user: 'u1', cache: { 'no-store': true }, messages: [{ content: 'hi', role: 'user' }], model: 'm' });
    expect(a).toBe(b);
  });

  it.each([
    ['another team', 'team-b'],
    ['a namespace that sanitises the same', 'team.a'],
    ['a key namespace', 'key:team-a'],
  ])('differs for %s', (_what, other) => {
    expect(exactCacheKey('team-a', req)).not.toBe(exactCacheKey(other, req));
  });

  it.each([
    ['system prompt', { messages: [{ role: 'system', content: 'x' }, ...req.messages] }],
    ['tools', { tools: [{ type: 'function', function: { name: 'f' } }] }],
    ['temperature', { temperature: 1 }],
    ['seed', { seed: 7 }],
    ['model', { model: 'n' }],
    ['response_format', { response_format: { type: 'json_object' } }],
  ])('changes with %s', (_what, change) => {
    expect(exactCacheKey('t', { ...req, ...change })).not.toBe(exactCacheKey('t', req));
  });

  it('is a valid KV key', () => {
    expect(exactCacheKey('team a/b', req)).toMatch(/^e\.[A-Za-z0-9_-]+\.[0-9a-f]{64}$/);
    expect(namespaceToken('team a/b')).toMatch(/^team_a_b-[0-9a-f]{12}$/);
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe('semanticParts', () => {
  const sys = { role: 'system', content: 'You are terse.' };
  const base = { model: 'm', messages: [sys, { role: 'user', content: 'What is the capital of France?' }] };
  const scopeOf = (r: Record<string, unknown>) => semanticParts(r)?.scope;

  it('compares the conversation text, not the system prompt', () => {
    expect(semanticParts(base)?.text).toBe('What is the capital of France?');
  });

  it('keeps the scope when only the wording changes', () => {
    expect(scopeOf({ ...base, messages: [sys, { role: 'user', content: 'capital of France?' }] })).toBe(scopeOf(base));
    expect(scopeOf({ ...base, stream: true, user: 'x' })).toBe(scopeOf(base));
  });

  it.each([
    ['system prompt', { messages: [{ role: 'system', content: 'You are verbose.' }, base.messages[1]] }],
    ['tools', { tools: [{ type: 'function', function: { name: 'f' } }] }],
    ['model', { model: 'n' }],
    ['temperature', { temperature: 0.7 }],
    ['turn roles', { messages: [sys, { role: 'assistant', content: 'What is the capital of France?' }] }],
  ])('changes scope with %s', (_what, change) => {
    expect(scopeOf({ ...base, ...change })).not.toBe(scopeOf(base));
  });

  it.each([
    ['image parts', [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }]],
    ['tool calls', [{ role: 'assistant', content: null, tool_calls: [] }]],
    ['only a system prompt', [sys]],
  ])('is null with %s', (_what, messages) => {
    expect(semanticParts({ model: 'm', messages })).toBeNull();
  });
});
