/** Pure: the q-quantile (0..1) of samples, by nearest rank on a sorted copy. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export interface Summary {
  n: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export function summarize(latenciesMs: readonly number[], seconds: number, errors: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { n: sorted.length, rps: sorted.length / seconds, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), errors };
}

/** The median of several runs' figures (runs alternate direct/gateway, so drift hits both). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
