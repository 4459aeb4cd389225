import type { DeploymentCooledDown, DeploymentRecovered } from '@gatehouse/contracts';

/**
 * Cooldowns as a decider: `decideOnFailure` / `decideOnSuccess` (pure, time passed in) say which
 * event a replica should publish; `evolve` applies any replica's event, its own included. Failure
 * counts are per replica (cheap, no I/O); the cooldown they trigger is shared by all replicas.
 */

export type CooldownEvent =
  | { type: 'deployment_cooled_down'; data: DeploymentCooledDown }
  | { type: 'deployment_recovered'; data: DeploymentRecovered };

export interface CooldownState {
  /** Deployment id → failure times (ms) within the window, oldest first. */
  readonly failures: Map<string, number[]>;
  /** Deployment id → cooled until (ms epoch). */
  readonly until: Map<string, number>;
  /** Deployments whose cooldown ended without a success seen yet (a recovery to announce). */
  readonly unconfirmed: Set<string>;
}

export const initialCooldownState = (): CooldownState => ({ failures: new Map(), until: new Map(), unconfirmed: new Set() });

export interface CooldownPolicy {
  allowedFails: number;
  cooldownMs: number;
  failWindowMs: number;
}

export interface FailureFacts {
  deploymentId: string;
  group: string;
  /** How many deployments the group has: the only deployment of a group is never cooled (LiteLLM). */
  groupSize: number;
  reason: string;
  now: number;
  replica: string;
}

/** Pure but for recording the failure time: the cooldown event to publish, if this failure is one too many. */
export function decideOnFailure(state: CooldownState, f: FailureFacts, policy: CooldownPolicy): CooldownEvent | null {
  const recent = (state.failures.get(f.deploymentId) ?? []).filter((t) => t > f.now - policy.failWindowMs);
  recent.push(f.now);
  state.failures.set(f.deploymentId, recent);
  if (f.groupSize < 2 || policy.cooldownMs <= 0) return null;
  if (recent.length <= policy.allowedFails) return null;
  if (coolingUntil(state, f.deploymentId, f.now) > f.now) return null; // already cooling
  const occurred = new Date(f.now).toISOString();
  return {
    type: 'deployment_cooled_down',
    data: {
      event_id: `${f.deploymentId}@${f.now}@${f.replica}`,
      deployment_id: f.deploymentId,
      group: f.group,
      reason: f.reason,
      failures: recent.length,
      until: new Date(f.now + policy.cooldownMs).toISOString(),
      occurred_at: occurred,
      cooled_by: f.replica,
    },
  };
}

/** Pure: a success on a deployment whose cooldown ended is announced once as a recovery. */
export function decideOnSuccess(state: CooldownState, id: string, group: string, now: number, replica: string): CooldownEvent | null {
  state.failures.delete(id);
  if (!state.unconfirmed.has(id) || coolingUntil(state, id, now) > now) return null;
  return {
    type: 'deployment_recovered',
    data: { event_id: `${id}@${now}@${replica}`, deployment_id: id, group, occurred_at: new Date(now).toISOString(), recovered_by: replica },
  };
}

/** Applies an event (from any replica). */
export function evolve(state: CooldownState, e: CooldownEvent): void {
  switch (e.type) {
    case 'deployment_cooled_down': {
      const until = Date.parse(e.data.until);
      if (until > (state.until.get(e.data.deployment_id) ?? 0)) state.until.set(e.data.deployment_id, until);
      state.failures.delete(e.data.deployment_id); // counting starts afresh after the cooldown
      state.unconfirmed.add(e.data.deployment_id);
      return;
    }
    case 'deployment_recovered':
      state.until.delete(e.data.deployment_id);
      state.unconfirmed.delete(e.data.deployment_id);
      return;
    default: {
      const never: never = e;
      throw new Error(`unknown cooldown event ${JSON.stringify(never)}`);
    }
  }
}

/** When the deployment's cooldown ends (ms epoch), or 0 when it is not cooling down. */
export function coolingUntil(state: CooldownState, id: string, now: number): number {
  const until = state.until.get(id);
  return until !== undefined && until > now ? until : 0;
}
