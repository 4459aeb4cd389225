import { type DynamicModule, Global, Inject, Module } from '@nestjs/common';
import type { GatewayConfig } from './gateway-config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const InjectConfig = () => Inject(GATEWAY_CONFIG);

/** Provides the compiled gateway config, loaded once at start by the service's main. */
@Global()
@Module({})
export class GatewayConfigModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
