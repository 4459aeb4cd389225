import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { ContentEnvelope } from '@gatehouse/contracts';

/** The master key is not 32 bytes of base64 or hex. The message never includes the value. */
export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';
}

/** A ciphertext did not authenticate: wrong key (forgotten and re-created), tampered, or wrong context. */
export class UndecryptableError extends Error {
  override readonly name = 'UndecryptableError';
}

/** Pure: the master key from its configured text: 32 bytes as base64 (44 chars) or hex (64 chars). */
export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t, 'base64') : null;
  if (!key || key.length !== 32) throw new MasterKeyError('gatehouse.content.master_key must be 32 bytes, base64 or hex (e.g. `openssl rand -base64 32`).');
  return key;
}

/** Pure: a short public id of the master key (which one wrapped a data key), not usable to recover it. */
export function masterKeyId(master: Buffer): string {
  return createHash('sha256').update('gatehouse:master-key-id:').update(master).digest('hex').slice(0, 16);
}

export interface Sealed {
  iv: string;
  tag: string;
  ciphertext: string;
}

/** AES-256-GCM with a fresh 96-bit IV; `aad` binds the ciphertext to its context. */
export function seal(key: Buffer, plaintext: Buffer, aad: string, iv: Buffer = randomBytes(12)): Sealed {
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

export function open(key: Buffer, s: Sealed, aad: string): Buffer {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(s.ciphertext, 'base64')), d.final()]);
  } catch (err) {
    throw new UndecryptableError('ciphertext does not authenticate under this key', { cause: err });
  }
}

/** The context a data key is wrapped in: its name and id, so an entry cannot be moved to another name. */
export const dataKeyAad = (name: string, id: string) => `gatehouse:data-key:${name}:${id}`;
/** The context content is sealed in: its request and key, so a ciphertext cannot be moved to another request. */
export const contentAad = (requestId: string, keyName: string, dataKeyId: string) => `gatehouse:content:${requestId}:${keyName}:${dataKeyId}`;

/** Seals a request's content document into the event's envelope (hash over the ciphertext). */
export function sealContent(dataKey: Buffer, ref: { name: string; id: string }, requestId: string, doc: unknown, iv?: Buffer): ContentEnvelope {
  const s = seal(dataKey, Buffer.from(JSON.stringify(doc), 'utf8'), contentAad(requestId, ref.name, ref.id), iv);
  const sha256 = createHash('sha256').update(Buffer.from(s.ciphertext, 'base64')).digest('hex');
  return { alg: 'A256GCM', key_name: ref.name, data_key_id: ref.id, ...s, sha256 };
}

export function openContent(dataKey: Buffer, requestId: string, e: ContentEnvelope): unknown {
  return JSON.parse(open(dataKey, e, contentAad(requestId, e.key_name, e.data_key_id)).toString('utf8')) as unknown;
}
