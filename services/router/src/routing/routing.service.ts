import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { nuid, type NatsConnection } from '@nats-io/transport-node';
import { DeploymentCooledDownV1, DeploymentRecoveredV1 } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { EventPublisher, InjectNats, readStream } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { ROUTER_LOGGER } from '../router-logger';
import type { CooldownEvent } from './cooldowns';
import { isKnownStrategy, routingSettings } from './routing-settings';
import { RoutingState } from './routing-state';

/**
 * The replica's RoutingState, wired to GH_ROUTER: its cooldown decisions are published, and every
 * replica's (its own included) are applied as they arrive. At start it replays the events of the
 * longest cooldown back, so a replica started mid-outage avoids the failing deployment at once.
 */
@Injectable()
export class RoutingService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly state: RoutingState;
  private readonly abort = new AbortController();
  private readonly publisher: EventPublisher;

  constructor(
    @InjectConfig() config: GatewayConfig,
    @InjectNats() private readonly nc: NatsConnection,
    @Inject(ROUTER_LOGGER) private readonly log: Logger,
  ) {
    this.publisher = new EventPublisher(nc);
    const settings = routingSettings(config);
    if (!isKnownStrategy(config.routerSettings.routing_strategy)) {
      log.warn({ routing_strategy: config.routerSettings.routing_strategy }, 'unknown routing_strategy; using simple-shuffle');
    }
    this.state = new RoutingState(settings, `router-${nuid.next().slice(-8)}`, (e) => this.publish(e));
  }

  onApplicationBootstrap(): void {
    void this.follow();
  }

  onModuleDestroy(): void {
    this.abort.abort();
  }

  private publish(e: CooldownEvent): void {
    const done = e.type === 'deployment_cooled_down'
      ? this.publisher.publish(DeploymentCooledDownV1, e.data)
      : this.publisher.publish(DeploymentRecoveredV1, e.data);
    done.catch((err: Error) => this.log.warn({ err: err.message, event: e.type, deployment: e.data.deployment_id }, 'cooldown event not published'));
  }

  private async follow(): Promise<void> {
    const since = new Date(Date.now() - Math.max(this.state.settings.cooldownMs, 1_000) - 1_000);
    while (!this.abort.signal.aborted) {
      try {
        for await (const m of readStream(this.nc, 'GH_ROUTER', { from: { since }, follow: true, signal: this.abort.signal })) {
          const e = toCooldownEvent(m.subject, m.data);
          if (e) this.state.apply(e);
        }
      } catch (err) {
        if (this.abort.signal.aborted || this.nc.isClosed()) return;
        this.log.warn({ err: (err as Error).message }, 'GH_ROUTER follow interrupted; resuming');
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

function toCooldownEvent(subject: string, data: unknown): CooldownEvent | null {
  if (subject === DeploymentCooledDownV1.subject) {
    const p = DeploymentCooledDownV1.schema.safeParse(data);
    return p.success ? { type: 'deployment_cooled_down', data: p.data } : null;
  }
  if (subject === DeploymentRecoveredV1.subject) {
    const p = DeploymentRecoveredV1.schema.safeParse(data);
    return p.success ? { type: 'deployment_recovered', data: p.data } : null;
  }
  return null;
}
