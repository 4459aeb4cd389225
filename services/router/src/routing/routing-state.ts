import type { Deployment } from '@gatehouse/config';
import { Metrics } from '@gatehouse/telemetry';
import { coolingUntil, type CooldownEvent, decideOnFailure, decideOnSuccess, evolve, initialCooldownState } from './cooldowns';
import { DeploymentStats } from './deployment-stats';
import type { RoutingSettings } from './routing-settings';
import { type Selection, selectDeployment } from './select';

export interface PickRequest {
  stream: boolean;
  skip: ReadonlySet<string>;
  requiredTags: readonly string[];
  /** Prompt tokens (estimate). */
  tokens: number;
}

export interface AttemptEnd {
  stream: boolean;
  /** ok, or a ProviderError kind. */
  outcome: string;
  /** Whether the failure counts against the deployment (never for a request's own 4xx). */
  blames: boolean;
  /** Time to first token (streams) or the whole call, of this attempt only. */
  latencyMs: number | null;
  completionTokens: number;
  groupSize: number;
}

/**
 * One router replica's routing state: what it measured (latency, in flight, usage) and the
 * cooldowns every replica shares. Deciding is pure (select, decideOnFailure); this class holds
 * the state, applies events, and hands new cooldown events to `publish` (GH_ROUTER).
 */
export class RoutingState {
  readonly stats = new DeploymentStats();
  private readonly cooldowns = initialCooldownState();
  private readonly applied = new Map<string, string>();

  constructor(
    readonly settings: RoutingSettings,
    readonly replica: string,
    private readonly publish: (e: CooldownEvent) => void = () => undefined,
    private readonly random: () => number = Math.random,
  ) {}

  select(group: readonly Deployment[], r: PickRequest, now: number): Selection {
    return selectDeployment(group, this.stats, {
      strategy: this.settings.strategy,
      stream: r.stream,
      now,
      random: this.random,
      explore: this.settings.latencyExplore,
      skip: r.skip,
      requiredTags: r.requiredTags,
      coolingUntil: (id) => coolingUntil(this.cooldowns, id, now),
      tokens: r.tokens,
    });
  }

  coolingUntil(id: string, now: number): number {
    return coolingUntil(this.cooldowns, id, now);
  }

  started(d: Deployment, now: number, promptTokens: number): void {
    this.stats.started(d.id, now, promptTokens);
  }

  finished(d: Deployment, now: number, end: AttemptEnd): void {
    this.stats.finished(d.id, now, end.completionTokens);
    // Latency of successes, and of timeouts (a slow deployment must look slow); not of fast refusals.
    if (end.latencyMs !== null && (end.outcome === 'ok' || end.outcome === 'timeout')) this.stats.observeLatency(d.id, end.stream, end.latencyMs);
    let event: CooldownEvent | null = null;
    if (end.outcome === 'ok') event = decideOnSuccess(this.cooldowns, d.id, d.group, now, this.replica);
    else if (end.blames) {
      event = decideOnFailure(this.cooldowns, { deploymentId: d.id, group: d.group, groupSize: end.groupSize, reason: end.outcome, now, replica: this.replica }, this.settings);
    }
    if (!event) return;
    this.apply(event); // at once here; the other replicas through the stream
    this.publish(event);
  }

  /** Applies a cooldown event from any replica (its own come back through the stream too). */
  apply(e: CooldownEvent): void {
    if (this.applied.get(e.data.deployment_id) === e.data.event_id) return;
    this.applied.set(e.data.deployment_id, e.data.event_id);
    evolve(this.cooldowns, e);
    if (e.type === 'deployment_cooled_down') Metrics.routerCooldowns.inc({ deployment: e.data.deployment_id, reason: e.data.reason });
  }

  /** Cooling deployments and until when (ISO), for `/health`. */
  cooling(now: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const id of this.applied.keys()) {
      const until = coolingUntil(this.cooldowns, id, now);
      if (until) out[id] = new Date(until).toISOString();
    }
    return out;
  }
}
