import { toGeminiSchema } from './schema';

describe('toGeminiSchema', () => {
  it.each([
    ['drops keys Gemini rejects', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false, strict: true, properties: { a: { type: 'string', examples: ['x'] } } }, { type: 'object', properties: { a: { type: 'string' } } }],
    ['keeps the supported subset', { type: 'string', description: 'd', enum: ['a', 'b'], format: 'enum', pattern: '^a' }, { type: 'string', description: 'd', enum: ['a', 'b'], format: 'enum', pattern: '^a' }],
    ['type [T, null] → nullable', { type: ['integer', 'null'], minimum: 0 }, { type: 'integer', nullable: true, minimum: 0 }],
    ['anyOf [T, null] → nullable T', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { type: 'string', nullable: true }],
    ['anyOf of several stays anyOf', { anyOf: [{ type: 'string' }, { type: 'number' }] }, { anyOf: [{ type: 'string' }, { type: 'number' }] }],
    ['const → one-value enum', { const: 'fixed' }, { enum: ['fixed'], type: 'string' }],
    ['required only names existing properties', { type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'ghost'] }, { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }],
    ['required without properties is dropped', { type: 'object', required: ['a'] }, { type: 'object' }],
    ['items are cleaned', { type: 'array', items: { type: 'object', additionalProperties: {}, properties: { x: { type: 'number' } } } }, { type: 'array', items: { type: 'object', properties: { x: { type: 'number' } } } }],
    ['local $refs are inlined', { type: 'object', $defs: { P: { type: 'object', title: 'P', properties: { n: { type: 'string' } } } }, properties: { p: { $ref: '#/$defs/P', description: 'the p' } } }, { type: 'object', properties: { p: { type: 'object', title: 'P', properties: { n: { type: 'string' } }, description: 'the p' } } }],
    ['an unknown $ref becomes a bare object', { $ref: '#/definitions/Nope' }, { type: 'object' }],
    ['not an object', 'string', {}],
  ])('%s', (_name, input, expected) => expect(toGeminiSchema(input)).toEqual(expected));

  it('cuts recursive refs instead of looping', () => {
    const tree = { $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } }, $ref: '#/$defs/Node' };
    let depth = 0;
    for (let s = toGeminiSchema(tree) as { properties?: { child?: unknown } }; s.properties?.child; s = s.properties.child as typeof s) depth++;
    expect(depth).toBeGreaterThan(3);
    expect(depth).toBeLessThanOrEqual(16);
  });
});
