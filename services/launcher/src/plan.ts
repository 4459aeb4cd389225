import { join } from 'node:path';

/** Start order: ingress last, once everything it calls is up; stop order is the reverse. */
export const SERVICES = ['identity', 'quota', 'guard', 'cache', 'router', 'ledger', 'ingress'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const MAX_REPLICAS = 16;

export interface ProcessSpec {
  service: ServiceName;
  replica: number;
  /** `ingress#0`: the log prefix and the name in messages. */
  label: string;
  script: string;
  env: Record<string, string>;
  /**
   * A `node:cluster` worker of the launcher (ingress): the launcher holds the listening socket and
   * hands connections to the workers, so all replicas share one PORT and one can be replaced while
   * the others serve. Other services are plain forks.
   */
  clusterWorker: boolean;
}

export interface Shared {
  natsUrl: string;
  databaseUrl: string;
  configPath: string;
  logLevel: string;
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
}

/** Pure: `GATEHOUSE_REPLICAS_<NAME>` (default 1; 0 leaves a service out, e.g. to run it elsewhere). */
export function replicasFrom(env: NodeJS.ProcessEnv): Record<ServiceName, number> {
  const problems: string[] = [];
  const out = {} as Record<ServiceName, number>;
  for (const s of SERVICES) {
    const key = `GATEHOUSE_REPLICAS_${s.toUpperCase()}`;
    const raw = env[key]?.trim();
    const n = raw ? Number(raw) : 1;
    if (!Number.isInteger(n) || n < 0 || n > MAX_REPLICAS) problems.push(`${key}=${raw}: expected an integer from 0 to ${MAX_REPLICAS}`);
    out[s] = n;
  }
  if (problems.length) throw new PlanError(problems.join('\n'));
  return out;
}

export function httpPortFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT?.trim();
  const port = raw ? Number(raw) : 4000;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PlanError(`PORT=${raw}: expected a TCP port`);
  return port;
}

/**
 * Pure: the processes to run, in start order. Only ingress gets PORT, the same for every replica:
 * they run as cluster workers of the launcher, which owns the port (Node 20 has no SO_REUSEPORT).
 */
export function buildPlan(
  distRoot: string,
  shared: Shared,
  replicas: Record<ServiceName, number>,
  httpPort: number,
  /** GATEHOUSE_METRICS_PORT_BASE: process n of the plan serves /metrics and /health/* on base + n. */
  metricsPortBase: number | null = null,
): ProcessSpec[] {
  const plan: ProcessSpec[] = [];
  for (const service of SERVICES) {
    for (let replica = 0; replica < replicas[service]; replica++) {
      const env: Record<string, string> = {
        NATS_URL: shared.natsUrl,
        DATABASE_URL: shared.databaseUrl,
        GATEHOUSE_CONFIG: shared.configPath,
        LOG_LEVEL: shared.logLevel,
        GATEHOUSE_INSTANCE: `${service}#${replica}`,
      };
      const clusterWorker = service === 'ingress';
      if (clusterWorker) env.PORT = String(httpPort);
      if (metricsPortBase !== null) env.METRICS_PORT = String(metricsPortBase + plan.length);
      const script = join(distRoot, 'services', service, 'src', 'main.js');
      plan.push({ service, replica, label: `${service}#${replica}`, script, env, clusterWorker });
    }
  }
  return plan;
}
