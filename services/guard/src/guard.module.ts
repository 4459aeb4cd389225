import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { GatewayConfig } from '@gatehouse/config';
import { GUARD_CONTEXT, guardContext } from './guard-context';
import { ScanHandler, ScanV2Handler } from './scan/scan.handler';

@Module({})
export class GuardModule {
  static register(config: GatewayConfig, nc: NatsConnection): DynamicModule {
    return {
      module: GuardModule,
      controllers: [ScanHandler, ScanV2Handler],
      providers: [{ provide: GUARD_CONTEXT, useValue: guardContext(config, nc) }],
    };
  }
}
