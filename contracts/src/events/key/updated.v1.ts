import { z } from 'zod';
import { defineEvent } from '../event';
import { KeySettings } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from './key-event-base';

/** `gh.evt.key.updated.v1` — The settings of a key changed; carries only the changed fields. */
export const KeyUpdatedV1 = defineEvent({
  family: 'key',
  name: 'updated',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'The settings of a key changed; carries only the changed fields.',
  schema: IdentityEventBase.extend({ key_id: z.string(), changes: KeySettings.partial() }),
  idField: 'event_id',
  example: { ...exampleEventBase, key_id: 'key_7Qd2', changes: { rpm_limit: 100 } },
});
