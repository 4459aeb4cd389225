import { backoffMs, judgeFailure } from './failure-policy';

describe('judgeFailure', () => {
  it.each([
    ['rate_limited', true, 'retry'],
    ['server', true, 'retry'],
    ['timeout', true, 'retry'],
    ['connect', true, 'retry'],
    ['stream_cut', true, 'retry'],
    ['auth', true, 'skip_deployment'],
    ['bad_request', false, 'stop'],
    ['context_window', false, 'context_window'],
    ['content_filter', false, 'content_policy'],
  ] as const)('%s: blames=%s, next=%s', (kind, blames, next) => {
    expect(judgeFailure(kind)).toEqual({ blames, next });
  });
});

describe('backoffMs', () => {
  it.each([
    [2, 1, 0, 5_000, 2_000], // retry-after honoured
    [60, 1, 0, 5_000, 5_000], // up to the cap
    [0, 1, 500, 5_000, 500], // never under retry_after
    [null, 1, 0, 5_000, 100],
    [null, 3, 0, 5_000, 400],
    [null, 10, 0, 2_000, 2_000],
  ])('retry-after %s, round %s, min %s, max %s → %s ms', (ra, round, min, max, ms) => {
    expect(backoffMs(ra, round, min, max)).toBe(ms);
  });
});
