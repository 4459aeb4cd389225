import { canonicalJson, CanonicalizationError } from './canonical';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: 1, c: 2 }] }, a: null }, '{"a":null,"z":{"y":[3,{"c":2,"d":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    [[undefined, 1], '[null,1]'],
    [{ 'é': 1, e: 2, E: 3 }, '{"E":3,"e":2,"é":1}'],
    [0.0000198, '0.0000198'],
    [1.98e-7, '1.98e-7'],
    [-0, '0'],
    [1e21, '1e+21'],
    ['line\nbreak "q" \u2028', '"line\\nbreak \\"q\\" \u2028"'],
    [true, 'true'],
    [[], '[]'],
    [{}, '{}'],
  ])('%j → %s', (input, expected) => {
    expect(canonicalJson(input)).toBe(expected);
  });

  it('gives one form for the same event whatever its key order', () => {
    const a = JSON.parse('{"request_id":"r","usage":{"prompt_tokens":1,"total_tokens":2},"tags":["x"]}') as unknown;
    const b = JSON.parse('{"tags":["x"],"usage":{"total_tokens":2,"prompt_tokens":1},"request_id":"r"}') as unknown;
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it.each([[NaN], [Infinity], [() => 1], [BigInt(1)]])('rejects %p', (v) => {
    expect(() => canonicalJson(v)).toThrow(CanonicalizationError);
  });
});
