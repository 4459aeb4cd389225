import { DeploymentStats } from './deployment-stats';

describe('DeploymentStats', () => {
  it('keeps an EWMA of latency per kind, borrowing the other kind when one is unmeasured', () => {
    const s = new DeploymentStats();
    expect(s.latencyMs('a', true)).toBeNull();
    s.observeLatency('a', true, 100);
    s.observeLatency('a', true, 200);
    expect(s.latencyMs('a', true)).toBeCloseTo(130);
    expect(s.latencyMs('a', false)).toBeCloseTo(130);
  });

  it('counts calls in flight', () => {
    const s = new DeploymentStats();
    s.started('a', 0, 0);
    s.started('a', 0, 0);
    s.finished('a', 1, 0);
    expect(s.inFlight('a')).toBe(1);
  });

  it('counts requests and tokens over a sliding minute', () => {
    const s = new DeploymentStats();
    s.started('a', 1_000, 10);
    s.finished('a', 1_500, 5);
    s.started('a', 30_000, 10);
    expect(s.usage('a', 30_000)).toEqual({ requests: 2, tokens: 25 });
    expect(s.usage('a', 61_000)).toEqual({ requests: 1, tokens: 10 }); // second 1 left the window
    expect(s.usage('a', 200_000)).toEqual({ requests: 0, tokens: 0 });
  });

  it('reuses a bucket a minute later without keeping its old counts', () => {
    const s = new DeploymentStats();
    s.started('a', 2_000, 1);
    s.started('a', 62_000, 1);
    expect(s.usage('a', 62_000)).toEqual({ requests: 1, tokens: 1 });
  });
});
