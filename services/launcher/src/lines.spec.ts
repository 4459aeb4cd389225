import { isReadyLine, lineSplitter, prefixLine } from './lines';

describe('lineSplitter', () => {
  it('joins lines split across chunks and keeps the tail for flush', () => {
    const s = lineSplitter();
    expect(s.push('{"a":')).toEqual([]);
    expect(s.push('1}\n{"b":2}\r\npartial')).toEqual(['{"a":1}', '{"b":2}']);
    expect(s.flush()).toEqual(['partial']);
    expect(s.flush()).toEqual([]);
  });
});

describe('prefixLine', () => {
  it('leaves the JSON after the prefix intact', () => {
    const line = '{"level":"info","msg":"hi"}';
    const out = prefixLine('quota#1', line);
    expect(out).toBe(`[quota#1] ${line}`);
    expect(JSON.parse(out.slice(out.indexOf(' ') + 1))).toEqual({ level: 'info', msg: 'hi' });
  });
});

describe('isReadyLine', () => {
  it('matches the runAsProcess ready record of this service only', () => {
    expect(isReadyLine('quota', '{"level":"info","service":"quota","msg":"quota ready"}')).toBe(true);
    expect(isReadyLine('ledger', '{"name":"ledger","msg":"ledger started"}')).toBe(true);
    expect(isReadyLine('ingress', '{"msg":"ingress listening on 4000"}')).toBe(true);
    expect(isReadyLine('quota', '{"msg":"router ready"}')).toBe(false);
    expect(isReadyLine('quota', '{"msg":"quota readying"}')).toBe(false);
    expect(isReadyLine('quota', 'quota ready')).toBe(false);
    expect(isReadyLine('quota', '{not json')).toBe(false);
  });
});
