import { parsePeriodId, PeriodIdError, periodOf } from './period';

const at = Date.parse('2026-11-22T10:30:00.000Z');

describe('budget periods (docs/adr/0005)', () => {
  it.each([
    ['monthly', 'monthly:2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['1h', `1h:${Math.floor(at / 3_600_000)}`, '2026-11-22T10:00:00.000Z', '2026-11-22T11:00:00.000Z'],
    ['1d', `1d:${Math.floor(at / 86_400_000)}`, '2026-11-22T00:00:00.000Z', '2026-11-23T00:00:00.000Z'],
  ] as const)('%s: the period containing a time, and back from its id', (duration, id, start, end) => {
    const p = periodOf(duration, at);
    expect([p.id, new Date(p.startMs).toISOString(), new Date(p.endMs).toISOString()]).toEqual([id, start, end]);
    expect(parsePeriodId(id)).toEqual(p);
  });

  it('a December month ends in January; 7d and 30d are epoch-aligned whole hours', () => {
    expect(new Date(parsePeriodId('monthly:2026-12').endMs).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const d of ['7d', '30d'] as const) {
      const p = periodOf(d, at);
      expect(p.startMs % 3_600_000).toBe(0);
      expect(p.startMs <= at && at < p.endMs).toBe(true);
      expect(parsePeriodId(p.id)).toEqual(p);
    }
  });

  it.each(['monthly:2026-13', 'weekly:3', '1d:', '1d:-1', 'monthly:26-11', ''])('refuses %p', (id) => {
    expect(() => parsePeriodId(id)).toThrow(PeriodIdError);
  });
});
