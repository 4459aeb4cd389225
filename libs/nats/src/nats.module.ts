import { type DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient } from './rpc-client';
import { EventPublisher } from './jetstream';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const InjectNats = () => Inject(NATS_CONNECTION);

/** Provides the process's one NATS connection, an RpcClient and an EventPublisher on it. */
@Global()
@Module({})
export class NatsModule {
  static forConnection(nc: NatsConnection): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        { provide: NATS_CONNECTION, useValue: nc },
        { provide: RpcClient, useFactory: () => new RpcClient(nc) },
        { provide: EventPublisher, useFactory: () => new EventPublisher(nc) },
      ],
      exports: [NATS_CONNECTION, RpcClient, EventPublisher],
    };
  }
}
