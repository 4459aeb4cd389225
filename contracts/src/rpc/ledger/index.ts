export * from './spend-scope';
export * from './spend-logs.v1';
export * from './spend-report.v1';
export * from './content-get.v1';
export * from './budget-usage.v1';

import { LedgerBudgetUsageV1 } from './budget-usage.v1';
import { LedgerContentGetV1 } from './content-get.v1';
import { LedgerSpendLogsV1 } from './spend-logs.v1';
import { LedgerSpendReportV1 } from './spend-report.v1';

/** What the ledger serves over request-reply (issue #7), registered in contracts/src/registry.ts. */
export const LedgerRpcContracts = [LedgerSpendLogsV1, LedgerSpendReportV1, LedgerContentGetV1, LedgerBudgetUsageV1] as const;
