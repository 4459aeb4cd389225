import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { SpendScope } from './spend-scope';

/** One request as LiteLLM's `/spend/logs` shows it; `api_key` is the key's id, never the key or its hash. */
export const SpendLogRow = z.object({
  request_id: z.string(),
  call_type: z.string(),
  api_key: z.string().nullable(),
  key_alias: z.string().nullable(),
  spend: z.number(),
  total_tokens: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  startTime: z.iso.datetime(),
  endTime: z.iso.datetime(),
  model: z.string().nullable(),
  model_id: z.string().nullable(),
  custom_llm_provider: z.string().nullable(),
  user: z.string().nullable(),
  end_user: z.string().nullable(),
  team_id: z.string().nullable(),
  status: z.enum(['success', 'failure']),
  request_tags: z.array(z.string()),
  metadata: z.object({ tags: z.array(z.string()), http_status: z.number().int(), error_code: z.string().nullable(), project: z.string().nullable() }),
  cache_hit: z.enum(['True', 'False']),
  /** LiteLLM's name: on a cache hit, what the stored answer had cost (the spend this request deflected); else 0. */
  saved_cache_cost: z.number().optional(),
});
export type SpendLogRow = z.infer<typeof SpendLogRow>;

/** `gh.rpc.ledger.spend_logs.v1` — request rows from `audit_entries`, newest first, within the caller's scope. */
export const LedgerSpendLogsV1 = defineRpc({
  service: Services.ledger,
  op: 'spend_logs',
  version: 1,
  description: 'Request rows (LiteLLM /spend/logs) from Postgres, filtered, newest first, within a team scope decided by ingress.',
  timeoutMs: 10_000,
  request: z.object({
    scope: SpendScope,
    api_key: z.string().nullable(),
    user: z.string().nullable(),
    request_id: z.string().nullable(),
    start: z.iso.datetime().nullable(),
    end: z.iso.datetime().nullable(),
    limit: z.number().int().positive().max(10_000),
  }),
  response: z.object({ logs: z.array(SpendLogRow) }),
  example: {
    request: { scope: { team_id: null }, api_key: 'key_demo', user: null, request_id: null, start: '2026-11-01T00:00:00.000Z', end: null, limit: 100 },
    response: {
      logs: [{
        request_id: 'req_01', call_type: '/v1/chat/completions', api_key: 'key_demo', key_alias: 'demo', spend: 0.0000198, total_tokens: 42,
        prompt_tokens: 12, completion_tokens: 30, startTime: '2026-11-22T10:00:00.000Z', endTime: '2026-11-22T10:00:00.410Z',
        model: 'gpt-4o-mini', model_id: 'gpt-4o-mini#0', custom_llm_provider: 'openai', user: null, end_user: null, team_id: 'team_demo',
        status: 'success', request_tags: [], metadata: { tags: [], http_status: 200, error_code: null, project: null }, cache_hit: 'False',
      }],
    },
  },
});
