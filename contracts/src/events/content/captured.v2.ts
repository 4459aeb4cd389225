import { z } from 'zod';
import { defineEvent } from '../event';
import { ContentCapturedV1 } from './captured.v1';
import { exampleEnvelope } from './envelope';

/**
 * How the captured request ended: `completed` (answered), `refused` (a 4xx: the model check, quota,
 * a budget, the guard, the provider said no) or `failed` (a 5xx: a hop or the provider failed).
 */
export const ContentOutcome = z.enum(['completed', 'refused', 'failed']);
export type ContentOutcome = z.infer<typeof ContentOutcome>;

/** The error a refused or failed request answered: our code (contracts/errors.ts) and its HTTP status; never its message. */
export const ContentError = z.object({
  code: z.string().min(1).max(64),
  http_status: z.number().int().min(400).max(599),
});

/**
 * `gh.evt.content.captured.v2` — v1 plus which endpoint the content came from (chat, embeddings…)
 * and how the request ended. A new version, not optional v1 fields: a ledger that only knows v1
 * skips v2 rather than filing a refusal or an embedding as an answered chat. Version 1 stays
 * readable (GH_CONTENT keeps a week); ingress publishes v2 only.
 */
export const ContentCapturedV2 = defineEvent({
  family: 'content',
  name: 'captured',
  version: 2,
  stream: 'GH_CONTENT',
  description: "A request's content under its team's policy, encrypted (never plaintext), with its endpoint and outcome (completed, refused, failed and the error code); the ledger stores it in audit_content.",
  schema: ContentCapturedV1.schema
    .extend({
      /** The client endpoint, e.g. `/v1/chat/completions`, `/v1/embeddings`. */
      endpoint: z.string().min(1).max(128),
      outcome: ContentOutcome,
      /** Set exactly when the outcome is not `completed`. */
      error: ContentError.nullable(),
    })
    .refine((e) => (e.outcome === 'completed') === (e.error === null), { message: 'error is set exactly when the outcome is refused or failed', path: ['error'] }),
  idField: 'request_id',
  example: {
    request_id: 'req_02', occurred_at: '2026-11-22T10:00:01.000Z', team_id: 'team_demo', key_id: 'key_demo', subject: 'alice',
    level: 'redacted', retention_days: 30, envelope: exampleEnvelope,
    endpoint: '/v1/chat/completions', outcome: 'refused', error: { code: 'content_policy_violation', http_status: 400 },
  },
});
