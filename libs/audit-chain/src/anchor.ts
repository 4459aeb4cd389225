import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { ChainHead } from './chain';

/** A periodic statement of the chain head, optionally signed (Ed25519), stored in `audit_anchors`. */
export interface Anchor {
  position: number;
  hash: string;
  anchored_at: string;
  /** base64 Ed25519 signature over `anchorMessage`, or null when no signing key is configured. */
  signature: string | null;
  /** Which key signed (an operator's label), or null. */
  key_id: string | null;
}

export interface AnchorSigner {
  keyId: string;
  key: KeyObject;
}

/** The exact bytes an anchor signs: versioned, so the format can change without ambiguity. */
export function anchorMessage(a: Pick<Anchor, 'position' | 'hash' | 'anchored_at'>): Buffer {
  return Buffer.from(`gatehouse-audit-anchor/v1\n${a.position}\n${a.hash}\n${a.anchored_at}`, 'utf8');
}

/** Pure apart from the signature: an anchor for `head`, when `head` crossed a multiple of `every`. */
export function anchorsBetween(before: ChainHead, after: ChainHead, hashAt: (position: number) => string, every: number, now: Date, signer: AnchorSigner | null): Anchor[] {
  const out: Anchor[] = [];
  if (every <= 0) return out;
  for (let p = Math.floor(before.position / every) * every + every; p <= after.position; p += every) {
    const a = { position: p, hash: hashAt(p), anchored_at: now.toISOString() };
    out.push({ ...a, signature: signer ? sign(null, anchorMessage(a), signer.key).toString('base64') : null, key_id: signer?.keyId ?? null });
  }
  return out;
}

export function verifyAnchorSignature(a: Anchor, publicKey: KeyObject): boolean {
  if (!a.signature) return false;
  return verify(null, anchorMessage(a), publicKey, Buffer.from(a.signature, 'base64'));
}

/** An Ed25519 private key from PEM (PKCS#8); its public half for verifiers. */
export function loadSigner(pem: string, keyId: string): AnchorSigner {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`audit anchor key must be Ed25519, not ${key.asymmetricKeyType}`);
  return { keyId, key };
}

export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}
