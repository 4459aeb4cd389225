import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NatsModule } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { AuditProjector } from './audit/audit-projector';
import { Database } from './database/database';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from './ledger.config';

/** The ledger: a Nest application context (no HTTP) holding the database and the projections. */
@Module({})
export class LedgerModule {
  static forRoot(nc: NatsConnection, config: LedgerConfig, log: Logger): DynamicModule {
    return {
      module: LedgerModule,
      imports: [NatsModule.forConnection(nc)],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: LEDGER_LOGGER, useValue: log },
        Database,
        AuditProjector,
      ],
    };
  }
}
