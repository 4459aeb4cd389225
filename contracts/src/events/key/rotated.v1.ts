import { z } from 'zod';
import { defineEvent } from '../event';
import { KeySettings, Sha256Hex } from '../../rpc/identity/admin-shapes';
import { exampleEventBase, IdentityEventBase } from './key-event-base';

/** `gh.evt.key.rotated.v1` — A key got a new secret (new digest, same id); the previous one stays valid until previous_valid_until. */
export const KeyRotatedV1 = defineEvent({
  family: 'key',
  name: 'rotated',
  version: 1,
  stream: 'GH_IDENTITY',
  description: 'A key got a new secret (new digest, same id); the previous one stays valid until previous_valid_until.',
  schema: IdentityEventBase.extend({ key_id: z.string(), key_sha256: Sha256Hex, previous_valid_until: z.iso.datetime().nullable(), changes: KeySettings.partial() }),
  idField: 'event_id',
  example: { ...exampleEventBase, key_id: 'key_7Qd2', key_sha256: 'c'.repeat(64), previous_valid_until: '2026-11-22T11:00:00.000Z', changes: {} },
});
