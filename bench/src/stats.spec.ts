import { median, quantile, summarize } from './stats';

describe('bench stats', () => {
  it('takes nearest-rank quantiles', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(s, 0.5)).toBe(50);
    expect(quantile(s, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
  });

  it('summarizes throughput and latency', () => {
    expect(summarize([3, 1, 2, 4], 2, 1)).toEqual({ n: 4, rps: 2, p50: 2, p99: 4, errors: 1 });
  });

  it('takes the median of runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
