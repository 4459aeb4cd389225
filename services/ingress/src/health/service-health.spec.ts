import type { PingReply, ServiceName } from '@gatehouse/contracts';
import { summarizeHealth } from './service-health';

const ping = (service: string, ready = true, details?: Record<string, unknown>): PingReply => ({
  service, instance: `${service}-1`, pid: 1, uptime_s: 1, in_flight: 0, ready, ...(details ? { details } : {}),
});
const all = (over: Partial<Record<ServiceName, PingReply[]>> = {}) =>
  ({ identity: [ping('identity')], quota: [ping('quota')], guard: [ping('guard')], cache: [ping('cache')], router: [ping('router')], ledger: [ping('ledger')], ...over }) as Record<ServiceName, PingReply[]>;

describe('summarizeHealth', () => {
  it('is healthy when every service has a ready replica', () => {
    expect(summarizeHealth(all()).status).toBe('healthy');
  });

  it('is unhealthy when a hot-path service has none', () => {
    const h = summarizeHealth(all({ quota: [] }));
    expect(h.status).toBe('unhealthy');
    expect(h.services.quota).toMatchObject({ replicas: 0, ready: 0 });
  });

  it('is only degraded without a ledger: requests still flow', () => {
    expect(summarizeHealth(all({ ledger: [] })).status).toBe('degraded');
  });

  it('merges deployment health over router replicas and flags a failing one', () => {
    const a = ping('router', true, { deployments: { 'gpt#0': { last_outcome: 'server', consecutive_failures: 3, attempts: 5, failures: 4 } } });
    const b = ping('router', true, { deployments: { 'gpt#0': { last_outcome: 'ok', consecutive_failures: 0, attempts: 5, failures: 0 } } });
    const h = summarizeHealth(all({ router: [a, b] }));
    expect(h.deployments['gpt#0']).toMatchObject({ attempts: 10, failures: 4, consecutive_failures: 3 });
    expect(h.status).toBe('degraded');
  });
});
