import { exampleKeySettings, GatehouseError } from '@gatehouse/contracts';
import { decideKey, evolveKey, initialKeyState, type KeyEvent, type KeyState } from './key.decider';
import { durationMs, expiresAfter } from './duration';

const now = new Date('2026-11-22T10:00:00.000Z');
const meta = (id = 'e1') => ({ now, eventId: id, actor: { key_id: 'master', sso_subject: null, role: 'proxy_admin' as const } });
const fold = (events: KeyEvent[], s: KeyState = initialKeyState()) => events.reduce(evolveKey, s);
const issued = () => fold(decideKey({ type: 'issue', key_id: 'k1', key_sha256: 'a'.repeat(64), settings: exampleKeySettings }, initialKeyState(), meta()));

describe('key decider', () => {
  it('issues once, with actor, time and id passed in', () => {
    const [e] = decideKey({ type: 'issue', key_id: 'k1', key_sha256: 'a'.repeat(64), settings: exampleKeySettings }, null, meta('e9'));
    expect(e).toMatchObject({ type: 'key.issued', data: { event_id: 'e9', occurred_at: now.toISOString(), actor: { key_id: 'master' } } });
    expect(() => decideKey({ type: 'issue', key_id: 'k1', key_sha256: 'b'.repeat(64), settings: exampleKeySettings }, issued(), meta())).toThrow(GatehouseError);
  });

  it('updates only changed fields; an empty change is no event', () => {
    const s = issued();
    expect(decideKey({ type: 'update', changes: { rpm_limit: exampleKeySettings.rpm_limit } }, s, meta())).toEqual([]);
    const ev = decideKey({ type: 'update', changes: { rpm_limit: 5, tpm_limit: exampleKeySettings.tpm_limit } }, s, meta());
    expect(ev[0].data).toMatchObject({ changes: { rpm_limit: 5 } });
    expect(fold(ev, s)!.settings.rpm_limit).toBe(5);
  });

  it('rotates to a new digest, keeping the old one for the grace period only', () => {
    const s = fold(decideKey({ type: 'rotate', key_sha256: 'c'.repeat(64), previous_valid_until: '2026-11-22T11:00:00.000Z', changes: {} }, issued(), meta()), issued());
    expect(s).toMatchObject({ key_id: 'k1', digest: 'c'.repeat(64), previous: { digest: 'a'.repeat(64) } });
    const noGrace = fold(decideKey({ type: 'rotate', key_sha256: 'd'.repeat(64), previous_valid_until: null, changes: {} }, s, meta()), s);
    expect(noGrace!.previous).toBeNull();
    expect(() => decideKey({ type: 'rotate', key_sha256: 'd'.repeat(64), previous_valid_until: null, changes: {} }, noGrace, meta())).toThrow('new secret');
  });

  it('revokes idempotently; a revoked key takes no more changes; an absent one is a 404', () => {
    const s = fold(decideKey({ type: 'revoke', reason: null }, issued(), meta()), issued());
    expect(s!.revoked).toBe(true);
    expect(decideKey({ type: 'revoke', reason: null }, s, meta())).toEqual([]);
    expect(() => decideKey({ type: 'update', changes: { rpm_limit: 1 } }, s, meta())).toThrow('revoked');
    expect(() => decideKey({ type: 'revoke', reason: null }, null, meta())).toThrow('No such key');
  });
});

describe('durations', () => {
  it.each([['30s', 30_000], ['15m', 900_000], ['12h', 43_200_000], ['30d', 2_592_000_000], ['2w', 1_209_600_000], ['45', 45_000]])('%s', (d, ms) => {
    expect(durationMs(d)).toBe(ms);
  });
  it('expiresAfter', () => {
    expect(expiresAfter(now, '1h')).toBe('2026-11-22T11:00:00.000Z');
    expect(expiresAfter(now, null)).toBeNull();
  });
});
