import { z } from 'zod';
import { defineRpc, Services } from '../contract';

export const GuardAction = z.enum(['allow', 'flag', 'redact', 'mask', 'block']);
export type GuardAction = z.infer<typeof GuardAction>;

/** One detector that fired. Never carries the matched text: only where and how sure. */
export const GuardFinding = z.object({
  detector: z.string(),
  version: z.string(),
  score: z.number().min(0).max(1),
  action: GuardAction,
  message_index: z.number().int().nonnegative(),
  /** Added by issue #8 (optional, so older events still parse): */
  origin: z.string().optional(),
  /** `inbound` (the request) or `outbound` (the completion). */
  direction: z.enum(['inbound', 'outbound']).optional(),
  /** Rule ids and obfuscations seen; never the matched text. */
  reasons: z.array(z.string()).optional(),
  /** How many matches (spans) the finding covers. */
  count: z.number().int().nonnegative().optional(),
});
export type GuardFinding = z.infer<typeof GuardFinding>;

export const GuardVerdict = z.object({
  action: GuardAction,
  findings: z.array(GuardFinding),
  /** How the scan went: `ok`; `failed_open` (guard slow or down, policy let the request go on). */
  status: z.enum(['ok', 'failed_open', 'disabled']).optional(),
});
export type GuardVerdict = z.infer<typeof GuardVerdict>;

/** `gh.rpc.guard.scan.v1` — scan inbound messages; the verdict decides whether the request goes on. */
export const GuardScanV1 = defineRpc({
  service: Services.guard,
  op: 'scan',
  version: 1,
  description: 'Scan the inbound messages of a request and return a verdict with its findings.',
  timeoutMs: 500,
  request: z.object({
    request_id: z.string(),
    team_id: z.string().nullable(),
    messages: z.array(z.object({ role: z.string(), text: z.string() })),
  }),
  response: GuardVerdict,
  example: {
    request: { request_id: 'req_1', team_id: null, messages: [{ role: 'user', text: 'hello' }] },
    response: { action: 'allow', findings: [] },
  },
});
