import type { Deployment } from '@gatehouse/config';
import { DeploymentHealth } from './deployment-health';

const d = { id: 'gpt#0' } as Deployment;
const report = (outcome: string) => ({ deployment: d, outcome, durationMs: 1, ttftMs: null, usage: null, error: null });

describe('DeploymentHealth', () => {
  it('counts consecutive failures and resets them on success', () => {
    const h = new DeploymentHealth();
    h.record(report('server'));
    h.record(report('rate_limited'));
    expect(h.snapshot()['gpt#0']).toMatchObject({ consecutive_failures: 2, failures: 2, attempts: 2, last_outcome: 'rate_limited' });
    h.record(report('ok'));
    expect(h.snapshot()['gpt#0']).toMatchObject({ consecutive_failures: 0, failures: 2, attempts: 3, last_outcome: 'ok' });
  });

  it('does not blame a deployment for a cancelled client or a bad request', () => {
    const h = new DeploymentHealth();
    h.record(report('server'));
    h.record(report('cancelled'));
    expect(h.snapshot()['gpt#0'].consecutive_failures).toBe(0);
  });
});
