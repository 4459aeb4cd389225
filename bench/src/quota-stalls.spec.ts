import { causeOf, summarizeStalls } from './quota-stalls';

describe('quota bench stalls', () => {
  const gc = { start: 100, end: 108, kind: 'minor' as const };

  it('puts a stall down to a GC inside it, else to how much of it the process was on the CPU', () => {
    expect(causeOf({ start: 95, end: 110, cpuMs: 0 }, [gc])).toBe('gc');
    expect(causeOf({ start: 200, end: 210, cpuMs: 9 }, [gc])).toBe('js');
    expect(causeOf({ start: 200, end: 210, cpuMs: 1 }, [gc])).toBe('off-cpu');
    expect(causeOf({ start: 200, end: 210, cpuMs: 5 }, [gc])).toBe('mixed');
    expect(causeOf({ start: 108, end: 120, cpuMs: 0 }, [gc])).toBe('off-cpu'); // touching is not overlapping
  });

  it('sums stalls per cause and GC pauses per kind, longest first', () => {
    const s = summarizeStalls(
      [
        { start: 95, end: 110, cpuMs: 0 },
        { start: 200, end: 230, cpuMs: 2 },
      ],
      [gc, { start: 300, end: 301, kind: 'minor' }],
    );
    expect(s.byCause).toMatchObject({ gc: { n: 1, ms: 15 }, 'off-cpu': { n: 1, ms: 30 }, js: { n: 0 } });
    expect(s.gc.minor).toEqual({ n: 2, ms: 9, maxMs: 8 });
    expect(s.longest.map((x) => x.cause)).toEqual(['off-cpu', 'gc']);
  });
});
