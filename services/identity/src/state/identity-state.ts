import {
  type EventContract,
  KeyIssuedV1,
  KeyRevokedV1,
  KeyRotatedV1,
  KeyUpdatedV1,
  TeamCreatedV1,
  TeamMemberAddedV1,
  TeamUpdatedV1,
} from '@gatehouse/contracts';
import { evolveKey, type KeyEvent, type KeyRecord } from '../keys/key.decider';
import { evolveTeam, type TeamEvent, type TeamRecord } from '../teams/team.decider';

export type IdentityEvent = KeyEvent | TeamEvent;

/** Every key and team, and the GH_IDENTITY sequence they reflect: a projection of the stream. */
export interface IdentityState {
  seq: number;
  keys: Map<string, KeyRecord>;
  teams: Map<string, TeamRecord>;
  /** Current and grace-period digests → key id. A lookup by the full digest, never by prefix. */
  byDigest: Map<string, string>;
}

export const emptyIdentityState = (): IdentityState => ({ seq: 0, keys: new Map(), teams: new Map(), byDigest: new Map() });

const BY_SUBJECT = new Map<string, { type: IdentityEvent['type']; contract: EventContract }>(
  (
    [
      ['key.issued', KeyIssuedV1], ['key.updated', KeyUpdatedV1], ['key.rotated', KeyRotatedV1], ['key.revoked', KeyRevokedV1],
      ['team.created', TeamCreatedV1], ['team.updated', TeamUpdatedV1], ['team.member_added', TeamMemberAddedV1],
    ] as const
  ).map(([type, contract]) => [contract.subject, { type, contract }]),
);

/** Pure: a stored message as a typed event, or null when the subject is unknown or the payload invalid. */
export function toIdentityEvent(subject: string, data: unknown): IdentityEvent | null {
  const known = BY_SUBJECT.get(subject);
  if (!known) return null;
  const parsed = known.contract.schema.safeParse(data);
  return parsed.success ? ({ type: known.type, data: parsed.data } as IdentityEvent) : null;
}

/** Applies one event in stream order (mutates the maps: the projection is rebuilt by replay). */
export function applyEvent(state: IdentityState, event: IdentityEvent | null, seq: number): void {
  state.seq = Math.max(state.seq, seq);
  if (!event) return;
  if (event.type.startsWith('key.')) {
    const e = event as KeyEvent;
    const before = state.keys.get(e.data.key_id) ?? null;
    const after = evolveKey(before, e);
    if (!after) return;
    state.keys.set(after.key_id, after);
    if (before) {
      state.byDigest.delete(before.digest);
      if (before.previous) state.byDigest.delete(before.previous.digest);
    }
    if (!after.revoked) {
      state.byDigest.set(after.digest, after.key_id);
      if (after.previous) state.byDigest.set(after.previous.digest, after.key_id);
    }
    return;
  }
  const e = event as TeamEvent;
  const after = evolveTeam(state.teams.get(e.data.team_id) ?? null, e);
  if (after) state.teams.set(after.team_id, after);
}

/** Pure: the key and team ids an event touches (what ingress must drop from its cache). */
export function touched(event: IdentityEvent): { key_ids: string[]; team_ids: string[] } {
  return 'key_id' in event.data ? { key_ids: [event.data.key_id], team_ids: [] } : { key_ids: [], team_ids: [event.data.team_id] };
}
