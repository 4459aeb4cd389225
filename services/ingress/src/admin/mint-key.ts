import { randomBytes } from 'node:crypto';
import { credentialDigest } from '../http/credentials';

/**
 * Mints a virtual key: `sk-gh-` + 32 random bytes in base64url (256 bits). Ingress mints it so
 * that only its SHA-256 digest crosses NATS and reaches the event stream; the key itself is shown
 * to the caller once and kept nowhere.
 */
export function mintKey(): { key: string; digest: string } {
  const key = `sk-gh-${randomBytes(32).toString('base64url')}`;
  return { key, digest: credentialDigest(key) };
}
