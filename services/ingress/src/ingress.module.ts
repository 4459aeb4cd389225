import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { FrameStreams, NatsModule } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { Authenticator } from './auth/authenticator.service';
import { ChatCompletionsController } from './chat/chat-completions.controller';
import { ChatPipeline } from './chat/chat-pipeline.service';
import { EventOutbox } from './events/event-outbox.service';
import { HealthController } from './health/health.controller';
import { INGRESS_LOGGER } from './logger.token';
import { ModelsController } from './models/models.controller';

@Module({})
export class IngressModule {
  static register(config: GatewayConfig, nc: NatsConnection, log: Logger): DynamicModule {
    return {
      module: IngressModule,
      imports: [GatewayConfigModule.forConfig(config), NatsModule.forConnection(nc)],
      controllers: [ChatCompletionsController, ModelsController, HealthController],
      providers: [
        Authenticator,
        ChatPipeline,
        EventOutbox,
        { provide: INGRESS_LOGGER, useValue: log },
        { provide: FrameStreams, useFactory: () => new FrameStreams(nc) },
      ],
    };
  }
}
