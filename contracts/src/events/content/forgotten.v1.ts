import { z } from 'zod';
import { defineEvent } from '../event';

/** `gh.evt.content.forgotten.v1` — data keys were destroyed: who, when, which scope and key names; never a key. */
export const ContentForgottenV1 = defineEvent({
  family: 'content',
  name: 'forgotten',
  version: 1,
  stream: 'GH_CONTENT',
  description: 'Content data keys of a subject or team were destroyed (crypto-shredding): who, when, scope, key names; never key material.',
  schema: z.object({
    event_id: z.string().min(1),
    occurred_at: z.iso.datetime(),
    /** Who ran the forget (operator account, host), as the CLI saw it. */
    actor: z.string().min(1),
    scope: z.union([z.object({ user: z.string().min(1) }), z.object({ team_id: z.string().min(1) })]),
    key_names: z.array(z.string()),
    reason: z.string().max(500).nullable(),
  }),
  idField: 'event_id',
  example: {
    event_id: 'forget_01', occurred_at: '2026-11-23T09:00:00.000Z', actor: 'dpo@ops-host', scope: { user: 'alice' },
    key_names: ['t_dGVhbV9kZW1v.u_YWxpY2U'], reason: 'GDPR art. 17 request #42',
  },
});
