import type { AttemptReport } from '../complete/run-completion';

export interface DeploymentState {
  last_outcome: string;
  last_at: string;
  consecutive_failures: number;
  attempts: number;
  failures: number;
}

/**
 * Pure-ish record of how each deployment answered this router replica lately, for `/health`
 * (through the router's ping) and, in issue #6, cooldowns. Kept per replica; cooldowns shared
 * across replicas come through events there.
 */
export class DeploymentHealth {
  private readonly states = new Map<string, DeploymentState>();

  record(r: AttemptReport, now = new Date()): void {
    const s = this.states.get(r.deployment.id) ?? { last_outcome: 'none', last_at: '', consecutive_failures: 0, attempts: 0, failures: 0 };
    s.attempts++;
    s.last_outcome = r.outcome;
    s.last_at = now.toISOString();
    if (r.outcome === 'ok' || r.outcome === 'cancelled' || r.outcome === 'bad_request') s.consecutive_failures = 0;
    else {
      s.failures++;
      s.consecutive_failures++;
    }
    this.states.set(r.deployment.id, s);
  }

  snapshot(): Record<string, DeploymentState> {
    return Object.fromEntries(this.states);
  }
}
