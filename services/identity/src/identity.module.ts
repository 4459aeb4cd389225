import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { type GatewayConfig, GatewayConfigModule } from '@gatehouse/config';
import { NatsModule } from '@gatehouse/nats';
import { CommandRunner } from './admin/command-runner.service';
import { KeyAdminHandlers } from './admin/key-admin.handlers';
import { TeamAdminHandlers } from './admin/team-admin.handlers';
import { AuthenticateTokenHandler, JWT_VERIFIER } from './authenticate/authenticate-token.handler';
import { AuthenticateHandler } from './authenticate/authenticate.handler';
import { KeyDirectoryService } from './authenticate/key-directory.service';
import { IdentityLog } from './events/identity-log.service';
import { Invalidator } from './events/invalidator.service';
import { JwtVerifier } from './sso/jwt-verifier';

@Module({})
export class IdentityModule {
  static register(config: GatewayConfig, nc: NatsConnection): DynamicModule {
    return {
      module: IdentityModule,
      imports: [GatewayConfigModule.forConfig(config), NatsModule.forConnection(nc)],
      controllers: [AuthenticateHandler, AuthenticateTokenHandler, ...KeyAdminHandlers, ...TeamAdminHandlers],
      providers: [
        KeyDirectoryService,
        IdentityLog,
        Invalidator,
        CommandRunner,
        { provide: JWT_VERIFIER, useValue: config.gatehouse.sso ? new JwtVerifier(config.gatehouse.sso) : null },
      ],
    };
  }
}
