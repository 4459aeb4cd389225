import { backoffMs, sleep } from './backoff';

describe('backoffMs', () => {
  it('doubles from the base and stops at the cap', () => {
    const top = () => 1; // no jitter: the ceiling itself
    expect([0, 1, 2, 3, 10, 60].map((a) => backoffMs(a, 200, 5_000, top))).toEqual([200, 400, 800, 1600, 5000, 5000]);
  });

  it('jitters down to half the ceiling, never below', () => {
    expect(backoffMs(2, 200, 5_000, () => 0)).toBe(400);
  });
});

describe('sleep', () => {
  it('returns early when aborted (a 10 s sleep would outlast the test)', async () => {
    const ac = new AbortController();
    const p = sleep(10_000, ac.signal);
    ac.abort();
    await expect(p).resolves.toBeUndefined();
  }, 2_000);
});
