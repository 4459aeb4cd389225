import { type DynamicModule, Module } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NatsModule } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { AuditProjector } from './audit/audit-projector';
import { BudgetProjector } from './budget/budget-projector';
import { ContentProjector } from './content/content-projector';
import { ContentRetention } from './retention/content-retention.service';
import { LedgerRpc } from './spend/ledger-rpc.service';
import { LEDGER_SERVE, type LedgerServeOptions } from './spend/serve-options';
import { Database } from './database/database';
import { LEDGER_CONFIG, LEDGER_LOGGER, type LedgerConfig } from './ledger.config';

/** The ledger: a Nest application context (no HTTP) holding the database and the projections. */
@Module({})
export class LedgerModule {
  static forRoot(nc: NatsConnection, config: LedgerConfig, log: Logger, serve: LedgerServeOptions = { serve: false, retentionIntervalMs: 0 }): DynamicModule {
    return {
      module: LedgerModule,
      imports: [NatsModule.forConnection(nc)],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: LEDGER_LOGGER, useValue: log },
        Database,
        AuditProjector,
        BudgetProjector,
        // Issue #7: spend API and content (docs/adr/0010).
        { provide: LEDGER_SERVE, useValue: serve },
        LedgerRpc,
        ContentProjector,
        ContentRetention,
      ],
    };
  }
}
