import { nextAttempt, restartDelay } from './backoff';

const policy = { initialMs: 100, maxMs: 1_000, stableMs: 5_000 };

describe('restart backoff', () => {
  it('doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 10].map((a) => restartDelay(a, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
  it('counts quick crashes and forgives a child that stayed up', () => {
    expect(nextAttempt(0, 50, policy)).toBe(1);
    expect(nextAttempt(3, 4_999, policy)).toBe(4);
    expect(nextAttempt(3, 5_000, policy)).toBe(0);
  });
});
