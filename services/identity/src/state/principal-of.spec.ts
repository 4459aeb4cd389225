import { exampleKeySettings, exampleTeamSettings, KeyIssuedV1, KeyRotatedV1, TeamCreatedV1, TeamUpdatedV1 } from '@gatehouse/contracts';
import { applyEvent, emptyIdentityState, toIdentityEvent } from './identity-state';
import { authenticateDigest } from './principal-of';

const base = { event_id: 'e', occurred_at: '2026-11-22T10:00:00.000Z', actor: { key_id: 'master', sso_subject: null, role: 'proxy_admin' as const } };
const A = 'a'.repeat(64);
const C = 'c'.repeat(64);
const now = new Date('2026-11-22T10:30:00.000Z');

function state() {
  const s = emptyIdentityState();
  applyEvent(s, toIdentityEvent(TeamCreatedV1.subject, { ...base, team_id: 'team_billing', settings: exampleTeamSettings, members: [] }), 1);
  applyEvent(s, toIdentityEvent(KeyIssuedV1.subject, { ...base, key_id: 'k1', key_sha256: A, settings: { ...exampleKeySettings, rpm_limit: null } }), 2);
  return s;
}

describe('authenticateDigest', () => {
  it('resolves by the whole digest only', () => {
    expect(authenticateDigest(state(), A, now)).toMatchObject({ key_id: 'k1', rpm_limit: 6000, models: ['gpt-4o-mini'], team_max_budget: 500 });
    expect(authenticateDigest(state(), `${A.slice(0, 63)}b`, now)).toBeNull();
  });

  it('keeps the previous digest until its grace ends', () => {
    const s = state();
    applyEvent(s, toIdentityEvent(KeyRotatedV1.subject, { ...base, key_id: 'k1', key_sha256: C, previous_valid_until: '2026-11-22T11:00:00.000Z', changes: {} }), 3);
    expect(authenticateDigest(s, A, now)?.expires_at).toBe('2026-11-22T11:00:00.000Z');
    expect(authenticateDigest(s, A, new Date('2026-11-22T11:00:00.000Z'))).toBeNull();
    expect(authenticateDigest(s, C, now)?.key_id).toBe('k1');
    expect(s.seq).toBe(3);
  });

  it('refuses keys of a blocked team, and expired keys', () => {
    const s = state();
    applyEvent(s, toIdentityEvent(TeamUpdatedV1.subject, { ...base, team_id: 'team_billing', changes: { blocked: true } }), 3);
    expect(authenticateDigest(s, A, now)).toBeNull();
    expect(authenticateDigest(state(), A, new Date('2027-01-01T00:00:00.000Z'))).toBeNull();
  });

  it('skips unknown subjects and invalid payloads but advances the sequence', () => {
    const s = emptyIdentityState();
    applyEvent(s, toIdentityEvent('gh.evt.key.exploded.v1', {}), 7);
    applyEvent(s, toIdentityEvent(KeyIssuedV1.subject, { nope: true }), 8);
    expect(s.seq).toBe(8);
    expect(s.keys.size).toBe(0);
  });
});
