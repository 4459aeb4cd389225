import type { PingReply, ServiceName } from '@gatehouse/contracts';

export interface GatewayHealth {
  status: 'healthy' | 'degraded' | 'unhealthy';
  services: Record<string, { replicas: number; ready: number; instances: { instance: string; pid: number; uptime_s: number; in_flight: number; ready: boolean }[] }>;
  /** How each provider deployment answered lately, merged over router replicas (worst case wins). */
  deployments: Record<string, { last_outcome: string; consecutive_failures: number; attempts: number; failures: number }>;
}

type DeploymentState = GatewayHealth['deployments'][string];

/**
 * Pure: the gateway's health from every replica's ping. Unhealthy when a service on the hot path
 * has no ready replica; degraded when only the ledger is missing (requests still flow; its
 * consumer catches up later) or a deployment keeps failing.
 */
export function summarizeHealth(pings: Record<ServiceName, PingReply[]>): GatewayHealth {
  const services: GatewayHealth['services'] = {};
  const deployments: GatewayHealth['deployments'] = {};
  let unhealthy = false;
  let degraded = false;
  for (const [name, replies] of Object.entries(pings)) {
    const ready = replies.filter((r) => r.ready).length;
    services[name] = {
      replicas: replies.length,
      ready,
      instances: replies.map((r) => ({ instance: r.instance, pid: r.pid, uptime_s: r.uptime_s, in_flight: r.in_flight, ready: r.ready })),
    };
    if (ready === 0) {
      if (name === 'ledger') degraded = true;
      else unhealthy = true;
    }
    if (name !== 'router') continue;
    for (const r of replies) {
      for (const [id, s] of Object.entries((r.details?.deployments ?? {}) as Record<string, DeploymentState>)) {
        const prev = deployments[id];
        deployments[id] = prev
          ? { ...s, attempts: prev.attempts + s.attempts, failures: prev.failures + s.failures, consecutive_failures: Math.max(prev.consecutive_failures, s.consecutive_failures) }
          : { last_outcome: s.last_outcome, consecutive_failures: s.consecutive_failures, attempts: s.attempts, failures: s.failures };
      }
    }
  }
  if (Object.values(deployments).some((d) => d.consecutive_failures >= 3)) degraded = true;
  return { status: unhealthy ? 'unhealthy' : degraded ? 'degraded' : 'healthy', services, deployments };
}
