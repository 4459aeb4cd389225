import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { SpendGroupBy, SpendScope } from './spend-scope';

/** Spend of one group on one day (per model where the table has it); `spend_usd` is the exact decimal. */
export const SpendReportRow = z.object({
  day: z.iso.date(),
  group: z.string(),
  model: z.string().nullable(),
  requests: z.number().int(),
  failed_requests: z.number().int().nullable(),
  prompt_tokens: z.number().int().nullable(),
  completion_tokens: z.number().int().nullable(),
  total_tokens: z.number().int(),
  spend_usd: z.string().regex(/^-?\d+(\.\d+)?$/),
  /** Requests answered from the cache, and what their stored answers had cost (the spend deflected); null where the table has no such column (tags). */
  cache_hits: z.number().int().nullable().optional(),
  cache_saved_usd: z.string().regex(/^-?\d+(\.\d+)?$/).nullable().optional(),
});
export type SpendReportRow = z.infer<typeof SpendReportRow>;

/** `gh.rpc.ledger.spend_report.v1` — daily spend grouped by team, key, model, provider or tag, from `spend_daily` / `spend_tag_daily`. */
export const LedgerSpendReportV1 = defineRpc({
  service: Services.ledger,
  op: 'spend_report',
  version: 1,
  description: 'Daily spend grouped by team, key, model, provider or tag (spend_daily / spend_tag_daily), within a team scope decided by ingress.',
  timeoutMs: 10_000,
  request: z.object({ scope: SpendScope, group_by: SpendGroupBy, start_day: z.iso.date(), end_day: z.iso.date() }),
  response: z.object({ rows: z.array(SpendReportRow) }),
  example: {
    request: { scope: { team_id: null }, group_by: 'team', start_day: '2026-11-01', end_day: '2026-11-30' },
    response: {
      rows: [{ day: '2026-11-22', group: 'team_demo', model: 'gpt-4o-mini', requests: 3, failed_requests: 0, prompt_tokens: 36, completion_tokens: 90, total_tokens: 126, spend_usd: '0.0000594000', cache_hits: 0, cache_saved_usd: '0.0000000000' }],
    },
  },
});
