import { z } from 'zod';
import { defineRpc, Services } from '../contract';
import { ContentEnvelope, ContentLevel, exampleEnvelope } from '../../events/content/envelope';
import { ContentError, ContentOutcome } from '../../events/content/captured.v2';

/** `gh.rpc.ledger.content_get.v1` — the stored (encrypted) content of one request; decrypting is the caller's job. */
export const LedgerContentGetV1 = defineRpc({
  service: Services.ledger,
  op: 'content_get',
  version: 1,
  description: 'The encrypted content row of one request (audit_content): envelope, level, team, subject; null when none is stored.',
  timeoutMs: 5_000,
  request: z.object({ request_id: z.string().min(1) }),
  response: z.object({
    content: z
      .object({
        request_id: z.string(),
        occurred_at: z.iso.datetime(),
        team_id: z.string().nullable(),
        subject: z.string().nullable(),
        level: ContentLevel,
        envelope: ContentEnvelope,
        forgotten_at: z.iso.datetime().nullable(),
        // Additive (a v1 caller ignores them): from captured.v2; null / `completed` for v1 captures.
        endpoint: z.string().nullable().optional(),
        outcome: ContentOutcome.optional(),
        error: ContentError.nullable().optional(),
      })
      .nullable(),
  }),
  example: {
    request: { request_id: 'req_01' },
    response: { content: { request_id: 'req_01', occurred_at: '2026-11-22T10:00:00.000Z', team_id: 'team_demo', subject: 'alice', level: 'full', envelope: exampleEnvelope, forgotten_at: null, endpoint: '/v1/chat/completions', outcome: 'completed', error: null } },
  },
});
