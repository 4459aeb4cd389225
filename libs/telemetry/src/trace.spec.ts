import { childTrace, formatTraceparent, parseTraceparent } from './trace';

describe('trace context', () => {
  it('round-trips a traceparent', () => {
    const h = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(formatTraceparent(parseTraceparent(h)!)).toBe(h);
  });

  it.each(['', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'])(
    'rejects %j',
    (h) => expect(parseTraceparent(h)).toBeNull(),
  );

  it('continues the parent trace with a new span', () => {
    const parent = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const child = childTrace(parent);
    expect(child.traceId).toBe(parent!.traceId);
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.spanId).not.toBe(parent!.spanId);
  });

  it('starts distinct traces', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => childTrace(null).traceId));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
