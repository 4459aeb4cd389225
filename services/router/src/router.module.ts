import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { FrameSenders } from '@gatehouse/nats';
import { CompleteHandler } from './complete/complete.handler';
import { DeploymentRegistry } from './deployments/deployment-registry.service';

@Module({})
export class RouterModule {
  static register(config: GatewayConfig, nc: NatsConnection): DynamicModule {
    return {
      module: RouterModule,
      imports: [GatewayConfigModule.forConfig(config)],
      controllers: [CompleteHandler],
      providers: [DeploymentRegistry, { provide: FrameSenders, useFactory: () => new FrameSenders(nc, 'router') }],
    };
  }
}
