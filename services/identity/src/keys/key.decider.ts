import {
  type EventActor,
  type EventPayload,
  GatehouseError,
  type KeyIssuedV1,
  type KeyRevokedV1,
  type KeyRotatedV1,
  type KeySettings,
  type KeyUpdatedV1,
} from '@gatehouse/contracts';

/** A virtual key as identity knows it: digests, never the key. */
export interface KeyRecord {
  key_id: string;
  digest: string;
  /** The digest before the last rotation, valid until `valid_until` (null: not at all). */
  previous: { digest: string; valid_until: string | null } | null;
  settings: KeySettings;
  revoked: boolean;
  created_at: string;
  updated_at: string;
  created_by: EventActor;
}
export type KeyState = KeyRecord | null;

export type KeyEvent =
  | { type: 'key.issued'; data: EventPayload<typeof KeyIssuedV1> }
  | { type: 'key.updated'; data: EventPayload<typeof KeyUpdatedV1> }
  | { type: 'key.rotated'; data: EventPayload<typeof KeyRotatedV1> }
  | { type: 'key.revoked'; data: EventPayload<typeof KeyRevokedV1> };

export type KeyCommand =
  | { type: 'issue'; key_id: string; key_sha256: string; settings: KeySettings }
  | { type: 'update'; changes: Partial<KeySettings> }
  | { type: 'rotate'; key_sha256: string; previous_valid_until: string | null; changes: Partial<KeySettings> }
  | { type: 'revoke'; reason: string | null };

/** Time, ids and the actor come in: the decider never reads a clock or a random source. */
export interface DecideMeta {
  now: Date;
  actor: EventActor;
  eventId: string;
}

export const initialKeyState = (): KeyState => null;

/** Pure: the events a command on one key produces, or a GatehouseError when it may not happen. */
export function decideKey(cmd: KeyCommand, state: KeyState, meta: DecideMeta): KeyEvent[] {
  const base = { event_id: meta.eventId, occurred_at: meta.now.toISOString(), actor: meta.actor };
  if (cmd.type === 'issue') {
    if (state) throw new GatehouseError('invalid_request', `Key ${cmd.key_id} already exists.`);
    return [{ type: 'key.issued', data: { ...base, key_id: cmd.key_id, key_sha256: cmd.key_sha256, settings: cmd.settings } }];
  }
  if (!state) throw new GatehouseError('not_found', 'No such key.', { param: 'key' });
  if (cmd.type === 'revoke') {
    return state.revoked ? [] : [{ type: 'key.revoked', data: { ...base, key_id: state.key_id, reason: cmd.reason } }];
  }
  if (state.revoked) throw new GatehouseError('not_found', `Key ${state.key_id} is revoked.`, { param: 'key' });
  const changes = changedFields(state.settings, cmd.changes);
  switch (cmd.type) {
    case 'update':
      return Object.keys(changes).length === 0 ? [] : [{ type: 'key.updated', data: { ...base, key_id: state.key_id, changes } }];
    case 'rotate':
      if (cmd.key_sha256 === state.digest || cmd.key_sha256 === state.previous?.digest) {
        throw new GatehouseError('invalid_request', 'A rotated key needs a new secret.');
      }
      return [{
        type: 'key.rotated',
        data: { ...base, key_id: state.key_id, key_sha256: cmd.key_sha256, previous_valid_until: cmd.previous_valid_until, changes },
      }];
  }
  return assertNever(cmd);
}

/** Pure: the key after one of its events. */
export function evolveKey(state: KeyState, event: KeyEvent): KeyState {
  const at = event.data.occurred_at;
  switch (event.type) {
    case 'key.issued': {
      const d = event.data;
      return { key_id: d.key_id, digest: d.key_sha256, previous: null, settings: d.settings, revoked: false, created_at: at, updated_at: at, created_by: d.actor };
    }
    case 'key.updated':
      return state && { ...state, settings: { ...state.settings, ...event.data.changes }, updated_at: at };
    case 'key.rotated': {
      const d = event.data;
      return state && {
        ...state,
        digest: d.key_sha256,
        previous: d.previous_valid_until ? { digest: state.digest, valid_until: d.previous_valid_until } : null,
        settings: { ...state.settings, ...d.changes },
        updated_at: at,
      };
    }
    case 'key.revoked':
      return state && { ...state, revoked: true, updated_at: at };
  }
  return assertNever(event);
}

/** Pure: only the fields whose value differs (an update that changes nothing is no event). */
export function changedFields<T extends object>(current: T, requested: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(requested) as [keyof T, T[keyof T]][]) {
    if (v !== undefined && JSON.stringify(current[k]) !== JSON.stringify(v)) out[k] = v;
  }
  return out;
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}
