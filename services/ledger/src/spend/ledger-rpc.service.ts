import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Knex } from '@mikro-orm/postgresql';
import { GatehouseError, LedgerBudgetUsageV1, LedgerContentGetV1, LedgerSpendLogsV1, LedgerSpendReportV1 } from '@gatehouse/contracts';
import { InjectNats } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { Database } from '../database/database';
import { LEDGER_LOGGER } from '../ledger.config';
import { readContent } from '../content/content-store';
import { type BudgetPeriod, parsePeriodId, PeriodIdError, periodOf } from '@gatehouse/contracts';
import { readBudgetUsage } from '../budget/budget-store';
import { serveContract } from './rpc-endpoint';
import { LEDGER_SERVE, type LedgerServeOptions } from './serve-options';
import { SPEND_LOGS, spendReportSql } from './spend-sql';
import { type SpendLogRecord, type SpendReportRecord, toReportRow, toSpendLog } from './spend-rows';

/**
 * The ledger's request-reply side (`gh.rpc.ledger.*.v1`): spend logs and reports for ingress's
 * LiteLLM-compatible spend API, budget usage per period, and one request's encrypted content. Read-only; the scope
 * (which team) was decided by ingress from the caller's role.
 */
@Injectable()
export class LedgerRpc implements OnApplicationBootstrap, OnModuleDestroy {
  private subs: Subscription[] = [];
  private knex: Knex | null = null;

  constructor(
    @InjectNats() private readonly nc: NatsConnection,
    private readonly db: Database,
    @Inject(LEDGER_SERVE) private readonly opts: LedgerServeOptions,
    @Inject(LEDGER_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.opts.serve) return;
    this.db.ready().then((orm) => (this.knex = orm.em.getConnection().getKnex()), () => undefined);
    const log = this.log.child({ component: 'ledger-rpc' });
    this.subs = [
      serveContract(this.nc, LedgerSpendLogsV1, async (r) => {
        const f = r.scope.team_id;
        const rows = await this.db$().raw<{ rows: SpendLogRecord[] }>(SPEND_LOGS, [
          f, f, r.api_key, r.api_key, r.user, r.user, r.user, r.request_id, r.request_id, r.start, r.start, r.end, r.end, r.limit,
        ]);
        return { logs: rows.rows.map(toSpendLog) };
      }, log),
      serveContract(this.nc, LedgerSpendReportV1, async (r) => {
        const t = r.scope.team_id;
        const rows = await this.db$().raw<{ rows: SpendReportRecord[] }>(spendReportSql(r.group_by), [r.start_day, r.end_day, t, t]);
        return { rows: rows.rows.map(toReportRow) };
      }, log),
      serveContract(this.nc, LedgerBudgetUsageV1, async (r) => {
        const usage = await readBudgetUsage(this.db$(), { period: requestedPeriod(r), scopeId: r.scope_id, teamId: r.scope.team_id, limit: r.limit });
        return { usage };
      }, log),
      serveContract(this.nc, LedgerContentGetV1, async (r) => ({ content: await readContent(this.db$(), r.request_id) }), log),
    ];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.subs.map((s) => s.drain()));
  }

  /** The database, or a 503 while it is not reachable yet (never a caller waiting on a retry loop). */
  private db$(): Knex {
    if (!this.knex) throw new GatehouseError('service_unavailable', 'The ledger database is not ready yet.', { retryAfter: 1 });
    return this.knex;
  }
}

/** The period asked for: by id, else the one of `budget_duration` containing `at`; a bad id is a 400. */
function requestedPeriod(r: { period: string | null; budget_duration: Parameters<typeof periodOf>[0]; at: string }): BudgetPeriod {
  if (r.period === null) return periodOf(r.budget_duration, Date.parse(r.at));
  try {
    return parsePeriodId(r.period);
  } catch (err) {
    if (err instanceof PeriodIdError) throw new GatehouseError('invalid_request', err.message, { param: 'period' });
    throw err;
  }
}
