import { z } from 'zod';
import { defineEvent } from '../event';
import { exampleKeySettings, KeySettings, Sha256Hex } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from './key-event-base';

/** `gh.evt.key.issued.v1` — A virtual key was issued; carries its SHA-256 digest (secret-bearing) and settings. */
export const KeyIssuedV1 = defineEvent({
  family: 'key',
  name: 'issued',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'A virtual key was issued; carries its SHA-256 digest (secret-bearing) and settings.',
  schema: IdentityEventBase.extend({ key_id: z.string(), key_sha256: Sha256Hex, settings: KeySettings }),
  idField: 'event_id',
  example: { ...exampleEventBase, key_id: 'key_7Qd2', key_sha256: 'b'.repeat(64), settings: exampleKeySettings },
});
