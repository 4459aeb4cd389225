import type { Logger } from '@gatehouse/telemetry';
import { Metrics } from '@gatehouse/telemetry';
import type { DeploymentHealth } from '../deployments/deployment-health';
import type { AttemptReport } from './run-completion';

/**
 * Turns attempt reports into metrics (GenAI names), a warning log line per failed attempt (with
 * the request and trace ids) and deployment health. Messages are already scrubbed of secrets by
 * the adapters.
 */
export function attemptReporter(health: DeploymentHealth, log: Logger, model: string) {
  return (r: AttemptReport): void => {
    const d = r.deployment;
    health.record(r);
    Metrics.routerAttempts.inc({ deployment: d.id, outcome: r.outcome });
    Metrics.operationDuration.observe({ gen_ai_request_model: model, gen_ai_system: d.provider, deployment: d.id, outcome: r.outcome }, r.durationMs / 1000);
    if (r.ttftMs !== null && r.outcome === 'ok') {
      Metrics.ttft.observe({ gen_ai_request_model: model, gen_ai_system: d.provider, deployment: d.id }, r.ttftMs / 1000);
    }
    if (r.error) log.warn({ deployment: d.id, provider: d.provider, outcome: r.outcome, duration_ms: Math.round(r.durationMs), error: r.error }, 'provider attempt failed');
  };
}
