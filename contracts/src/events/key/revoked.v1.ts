import { z } from 'zod';
import { defineEvent } from '../event';
import { exampleEventBase, IdentityEventBase } from './key-event-base';

/** `gh.evt.key.revoked.v1` — A key was revoked (deleted); refused from the next request on. */
export const KeyRevokedV1 = defineEvent({
  family: 'key',
  name: 'revoked',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'A key was revoked (deleted); refused from the next request on.',
  schema: IdentityEventBase.extend({ key_id: z.string(), reason: z.string().max(500).nullable() }),
  idField: 'event_id',
  example: { ...exampleEventBase, key_id: 'key_7Qd2', reason: 'key/delete' },
});
