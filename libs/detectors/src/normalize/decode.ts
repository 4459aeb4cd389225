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

const MAX_PAYLOADS = 16;

function base64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 95 || c === 45;
}

function hexOnly(run: string): boolean {
  return run.length % 2 === 0 && /^[0-9a-fA-F]+$/.test(run);
}

/**
 * Pure: the readable payloads hidden in base64 or hex runs of `text` (at most 16). One pass over
 * the characters (a regex with a 16-character quantifier retries at every offset of a long prompt).
 */
export function decodePayloads(text: string): DecodedPayload[] {
  const out: DecodedPayload[] = [];
  let start = -1;
  for (let i = 0; i <= text.length && out.length < MAX_PAYLOADS; i++) {
    const inRun = i < text.length && base64Char(text.charCodeAt(i));
    if (inRun) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 16) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 61) end++; // '=' padding
      const run = text.slice(start, i);
      const p = hexOnly(run) && run.length >= 20 ? decodeAs(run, 'hex', start, i) : /[a-z]/.test(run) && /[A-Z0-9]/.test(run) ? decodeAs(text.slice(start, end), 'base64', start, end) : null;
      if (p) out.push(p);
    }
    start = -1;
  }
  return out;
}

function decodeAs(run: string, encoding: 'base64' | 'hex', start: number, end: number): DecodedPayload | null {
  const decoded = encoding === 'hex' ? Buffer.from(run, 'hex').toString('utf8') : Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return readable(decoded) ? { start, end, text: decoded, encoding } : null;
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
