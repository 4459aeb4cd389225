import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LedgerBudgetUsageV1, LedgerSpendLogsV1, LedgerSpendReportV1 } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { parse } from '../admin/admin-bodies';
import { Authenticator } from '../auth/authenticator.service';
import { spendScope } from './spend-access';
import { assertKeyId, boundToInstant, BudgetUsageQuery, reportDays, SpendLogsQuery, SpendReportQuery, usageAt, usageScopeId } from './spend-query';
import { toCsv, toLitellmReport } from './spend-report-shape';

type H = Record<string, string>;

/**
 * LiteLLM's spend API, answered by the ledger from Postgres over `gh.rpc.ledger.*`. Ingress
 * decides whose spend the caller may see (spend-access.ts); the ledger applies that scope.
 */
@Controller()
export class SpendController {
  constructor(
    private readonly auth: Authenticator,
    private readonly rpc: RpcClient,
  ) {}

  @Get('spend/logs')
  async logs(@Headers() h: H, @Query() query: unknown) {
    const scope = spendScope(await this.auth.authenticate(h, {}));
    const q = parse(SpendLogsQuery, query, '/spend/logs query');
    assertKeyId(q.api_key);
    const { logs } = await this.rpc.request(LedgerSpendLogsV1, {
      scope,
      api_key: q.api_key ?? null,
      user: q.user_id ?? q.user ?? null,
      request_id: q.request_id ?? null,
      start: boundToInstant(q.start_date, 'start'),
      end: boundToInstant(q.end_date, 'end'),
      limit: q.limit,
    });
    return logs;
  }

  @Get(['global/spend/report', 'spend/report'])
  async report(@Headers() h: H, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answerReport(h, parse(SpendReportQuery, query, '/global/spend/report query'), reply);
  }

  /** The chargeback export under its own path too (same as `?format=csv`). */
  @Get('spend/report/csv')
  async reportCsv(@Headers() h: H, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parse(SpendReportQuery, query, '/spend/report/csv query');
    return this.answerReport(h, { ...q, format: 'csv' }, reply);
  }

  /**
   * Budget usage per scope and period (docs/adr/0010, "Budget usage"), read-only. Same access as
   * the spend reports; a team admin sees its team's scopes (`team:<t>`, `user:<t>:…`) only.
   */
  @Get('budget/usage')
  async budgetUsage(@Headers() h: H, @Query() query: unknown) {
    const scope = spendScope(await this.auth.authenticate(h, {}));
    const q = parse(BudgetUsageQuery, query, '/budget/usage query');
    assertKeyId(q.api_key);
    const at = usageAt(q.at, new Date());
    const { usage } = await this.rpc.request(LedgerBudgetUsageV1, { scope, scope_id: usageScopeId(q), period: q.period ?? null, budget_duration: q.budget_duration, at, limit: q.limit });
    return usage;
  }

  private async answerReport(h: H, q: ReturnType<typeof SpendReportQuery.parse>, reply: FastifyReply) {
    const scope = spendScope(await this.auth.authenticate(h, {}));
    const days = reportDays(q.start_date, q.end_date, new Date());
    const { rows } = await this.rpc.request(LedgerSpendReportV1, { scope, group_by: q.group_by, ...days });
    if (q.format === 'json') return toLitellmReport(rows, q.group_by);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="spend_${q.group_by}_${days.start_day}_${days.end_day}.csv"`);
    return toCsv(rows, q.group_by);
  }
}
