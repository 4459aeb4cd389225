import { createHash } from 'node:crypto';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Pure: the credential a client presented, from the headers its SDK uses: `Authorization: Bearer`
 * (OpenAI), `x-api-key` (Anthropic), `api-key` (Azure). Null when there is none.
 */
export function credentialFrom(headers: Headers): string | null {
  const auth = one(headers.authorization);
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m ? m[1] : null;
  }
  return one(headers['x-api-key']) ?? one(headers['api-key']) ?? null;
}

function one(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/** Only this digest leaves ingress: identity knows keys by it. */
export function credentialDigest(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}
