import { generateKeyPairSync } from 'node:crypto';
import { anchorsBetween, verifyAnchorSignature } from './anchor';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const now = new Date('2026-12-01T00:00:00.000Z');
const hashAt = (p: number) => p.toString(16).padStart(64, '0');

describe('anchorsBetween', () => {
  it.each([
    [0, 9, 10, []],
    [0, 10, 10, [10]],
    [9, 35, 10, [10, 20, 30]],
    [10, 19, 10, []],
    [0, 100, 0, []],
  ])('from %i to %i every %i → %j', (before, after, every, expected) => {
    const got = anchorsBetween({ position: before, hash: '' }, { position: after, hash: '' }, hashAt, every, now, null);
    expect(got.map((a) => a.position)).toEqual(expected);
    expect(got.every((a) => a.signature === null && a.hash === hashAt(a.position))).toBe(true);
  });

  it('signs with Ed25519; a changed hash, position or time breaks the signature', () => {
    const [a] = anchorsBetween({ position: 0, hash: '' }, { position: 10, hash: '' }, hashAt, 10, now, { keyId: 'k1', key: privateKey });
    expect(a).toMatchObject({ key_id: 'k1', anchored_at: now.toISOString() });
    expect(verifyAnchorSignature(a!, publicKey)).toBe(true);
    expect(verifyAnchorSignature({ ...a!, hash: hashAt(11) }, publicKey)).toBe(false);
    expect(verifyAnchorSignature({ ...a!, position: 11 }, publicKey)).toBe(false);
    expect(verifyAnchorSignature({ ...a!, anchored_at: '2026-12-01T00:00:01.000Z' }, publicKey)).toBe(false);
    expect(verifyAnchorSignature({ ...a!, signature: null }, publicKey)).toBe(false);
  });
});
