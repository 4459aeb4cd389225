import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { FrameSenders, NATS_CONNECTION } from '@gatehouse/nats';
import { CompleteHandler } from './complete/complete.handler';
import { DeploymentHealth } from './deployments/deployment-health';
import { DeploymentRegistry } from './deployments/deployment-registry.service';
import { ROUTER_LOGGER, routerLogger } from './router-logger';
import { EmbedHandler } from './embed/embed.handler';
import { RoutingService } from './routing/routing.service';

@Module({})
export class RouterModule {
  static register(config: GatewayConfig, nc: NatsConnection): DynamicModule {
    return {
      module: RouterModule,
      imports: [GatewayConfigModule.forConfig(config)],
      controllers: [CompleteHandler, EmbedHandler],
      providers: [
        DeploymentRegistry,
        DeploymentHealth,
        RoutingService,
        { provide: NATS_CONNECTION, useValue: nc },
        { provide: FrameSenders, useFactory: () => new FrameSenders(nc, 'router') },
        { provide: ROUTER_LOGGER, useFactory: routerLogger },
      ],
    };
  }
}
