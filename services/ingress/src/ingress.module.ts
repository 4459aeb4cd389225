import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { NatsConnection } from '@nats-io/transport-node';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { FrameStreams, NatsModule } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { AnthropicMessagesController } from './anthropic/anthropic-messages.controller';
import { AdminRpc } from './admin/admin-rpc.service';
import { KeyAdminController } from './admin/key-admin.controller';
import { TeamAdminController } from './admin/team-admin.controller';
import { AuthGuard } from './auth/auth.guard';
import { Authenticator } from './auth/authenticator.service';
import { InvalidationListener } from './auth/invalidation.listener';
import { ChatCompletionsController } from './chat/chat-completions.controller';
import { CacheGate } from './cache/cache-gate.service';
import { ChatPipeline } from './chat/chat-pipeline.service';
import { IngressGuard } from './guard/ingress-guard.service';
import { CompletionsController } from './completions/completions.controller';
import { EmbeddingsController } from './embeddings/embeddings.controller';
import { EmbeddingsPipeline } from './embeddings/embeddings-pipeline.service';
import { EventOutbox } from './events/event-outbox.service';
import { RequestTelemetry } from './observability/request-telemetry';
import { HealthController } from './health/health.controller';
import { INGRESS_LOGGER } from './logger.token';
import { ModelsController } from './models/models.controller';
import { QuotaGate } from './quota/quota-gate.service';
import { ResponsesController } from './responses/responses.controller';
import { SpendController } from './spend/spend.controller';
import { ContentCapture } from './content/content-capture.service';
import { ContentController } from './content/content.controller';

@Module({})
export class IngressModule {
  static register(config: GatewayConfig, nc: NatsConnection, log: Logger): DynamicModule {
    return {
      module: IngressModule,
      imports: [GatewayConfigModule.forConfig(config), NatsModule.forConnection(nc)],
      controllers: [ChatCompletionsController, ModelsController, HealthController, CompletionsController, ResponsesController, EmbeddingsController, AnthropicMessagesController, KeyAdminController, TeamAdminController, SpendController, ContentController],
      providers: [
        Authenticator,
        InvalidationListener,
        AdminRpc,
        { provide: APP_GUARD, useClass: AuthGuard },
        ChatPipeline,
        QuotaGate,
        CacheGate,
        IngressGuard,
        EmbeddingsPipeline,
        EventOutbox,
        RequestTelemetry,
        ContentCapture,
        { provide: INGRESS_LOGGER, useValue: log },
        { provide: FrameStreams, useFactory: () => new FrameStreams(nc) },
      ],
    };
  }
}
