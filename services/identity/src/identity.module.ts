import { type DynamicModule, Module } from '@nestjs/common';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { AuthenticateHandler } from './authenticate/authenticate.handler';
import { KeyDirectoryService } from './authenticate/key-directory.service';

@Module({})
export class IdentityModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [GatewayConfigModule.forConfig(config)],
      controllers: [AuthenticateHandler],
      providers: [KeyDirectoryService],
    };
  }
}
