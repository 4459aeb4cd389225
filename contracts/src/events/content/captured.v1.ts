import { z } from 'zod';
import { defineEvent } from '../event';
import { ContentEnvelope, ContentLevel, exampleEnvelope } from './envelope';

/** `gh.evt.content.captured.v1` — a request's prompt and completion (or their shape), encrypted per team / subject. */
export const ContentCapturedV1 = defineEvent({
  family: 'content',
  name: 'captured',
  version: 1,
  stream: 'GH_CONTENT',
  description: "A request's content under its team's policy, encrypted (never plaintext); the ledger stores it in audit_content.",
  schema: z.object({
    request_id: z.string().min(1),
    occurred_at: z.iso.datetime(),
    team_id: z.string().nullable(),
    key_id: z.string().nullable(),
    /** The data subject whose key seals it: the request's end user, else the key's user, else none (team key). */
    subject: z.string().nullable(),
    level: ContentLevel,
    /** The team's retention when captured: the ledger deletes the content that many days after `occurred_at` (null: kept). */
    retention_days: z.number().int().positive().nullable(),
    envelope: ContentEnvelope,
  }),
  idField: 'request_id',
  example: {
    request_id: 'req_01', occurred_at: '2026-11-22T10:00:00.000Z', team_id: 'team_demo', key_id: 'key_demo', subject: 'alice',
    level: 'full', retention_days: 30, envelope: exampleEnvelope,
  },
});
