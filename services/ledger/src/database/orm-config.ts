import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from '@gatehouse/telemetry';
import { AuditEntry, ProjectionCheckpoint } from '../audit/audit.entities';
import { BudgetEvent, BudgetSpendHour, BudgetUsage } from '../budget/budget.entities';
import { migrationsList } from '../migrations';

/** MikroORM for the ledger's database. The schema is owned by the migrations, never by the ORM. */
export function ormConfig(databaseUrl: string, log: Logger) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: [AuditEntry, ProjectionCheckpoint, BudgetUsage, BudgetSpendHour, BudgetEvent],
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Connecting is our job (with retries); creating a missing database is the operator's.
    connect: false,
    ensureDatabase: false,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: 4 },
    logger: (message) => log.debug({ orm: true }, message),
    // knex would console.log pool errors; the ledger already reports failures where it retries.
    driverOptions: { log: knexLog(log) },
  });
}

/** `host:port/db` of a database URL: what may be logged (never the user or password). */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function knexLog(log: Logger) {
  const debug = (message: unknown) => log.debug({ knex: true }, message instanceof Error ? message.message : String(message));
  return { warn: debug, error: debug, deprecate: debug, debug };
}
