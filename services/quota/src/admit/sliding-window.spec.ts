import { SlidingWindowLog } from './sliding-window';

describe('SlidingWindowLog', () => {
  it('admits exactly `limit` requests in a window', () => {
    const w = new SlidingWindowLog(3, 60_000);
    expect([0, 1, 2, 3].map((t) => w.tryAdmit(t).admitted)).toEqual([true, true, true, false]);
  });

  it('reports remaining and when the oldest request leaves the window', () => {
    const w = new SlidingWindowLog(2, 60_000);
    expect(w.tryAdmit(1_000)).toEqual({ admitted: true, remaining: 1, resetMs: 60_000 });
    w.tryAdmit(5_000);
    expect(w.tryAdmit(10_000)).toEqual({ admitted: false, remaining: 0, resetMs: 51_000 });
  });

  it('never allows a 2x burst across a minute boundary', () => {
    const w = new SlidingWindowLog(10, 60_000);
    let admitted = 0;
    for (let t = 50_000; t < 70_000; t += 100) if (w.tryAdmit(t).admitted) admitted++;
    expect(admitted).toBe(10);
  });

  it('frees capacity as time passes', () => {
    const w = new SlidingWindowLog(1, 1_000);
    expect(w.tryAdmit(0).admitted).toBe(true);
    expect(w.tryAdmit(999).admitted).toBe(false);
    expect(w.tryAdmit(1_000).admitted).toBe(true);
    expect(w.idle(2_000)).toBe(true);
  });
});
