/**
 * Payloads wrapped in base64 or hex to slip past rules (`aWdub3JlIGFsbCBwcmV2aW91cw==`): each run
 * that decodes to readable text is handed back with where it sits, so injection rules can see it.
 */
export interface DecodedPayload {
  start: number;
  end: number;
  text: string;
  encoding: 'base64' | 'hex';
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}){10,}\b/g;
const MAX_PAYLOADS = 16;

/** Pure: the readable payloads hidden in base64 or hex runs of `text` (at most 16). */
export function decodePayloads(text: string): DecodedPayload[] {
  const out: DecodedPayload[] = [];
  for (const m of text.matchAll(BASE64_RUN)) {
    if (out.length >= MAX_PAYLOADS) break;
    const run = m[0];
    if (!/[a-z]/.test(run) || !/[A-Z0-9]/.test(run)) continue; // words and plain identifiers are not base64
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (readable(decoded)) out.push({ start: m.index!, end: m.index! + run.length, text: decoded, encoding: 'base64' });
  }
  for (const m of text.matchAll(HEX_RUN)) {
    if (out.length >= MAX_PAYLOADS) break;
    const decoded = Buffer.from(m[0], 'hex').toString('utf8');
    if (readable(decoded)) out.push({ start: m.index!, end: m.index! + m[0].length, text: decoded, encoding: 'hex' });
  }
  return out;
}

/** Mostly letters and spaces: a decoded sentence, not random bytes. */
function readable(s: string): boolean {
  if (s.length < 8) return false;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 10 && c !== 13 && c !== 9)) return false;
    if (c === 32) spaces++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) letters++;
  }
  return spaces >= 1 && (letters + spaces) / s.length >= 0.8;
}
