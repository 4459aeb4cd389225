/**
 * How much of a streamed text's tail a secret or PII pattern may still complete. Only these
 * characters are held back; the rest goes to the client at once.
 */
const SECRET_PREFIXES = ['sk-', 'AKIA', 'ASIA', 'AIza', 'GOCSPX-', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'xox', 'eyJ', '-----'];
const MAX_WORD = 600;
const MAX_NUMERIC = 48;
const MAX_PEM = 16_384;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160;
/** Characters of phone numbers, cards, IBANs and ids, with their separators. */
const isNumericish = (c: number) => (c >= 48 && c <= 57) || c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 43 || (c >= 65 && c <= 90);

/** A trailing word worth waiting for: it has a digit, an `@`, `:`, `/`, `=`, or is (the start of) a secret prefix. */
function suspicious(word: string): boolean {
  if (/[\d@:/=]/.test(word)) return true;
  return SECRET_PREFIXES.some((p) => word.startsWith(p) || p.startsWith(word));
}

/** Pure: the offset from which `text` must be held back (text.length: nothing to hold). */
export function holdFrom(text: string): number {
  let hold = text.length;
  // 1. The trailing non-space run, when it may be the start of a key, an address, a URL.
  let w = text.length;
  while (w > 0 && !isSpace(text.charCodeAt(w - 1)) && text.length - w < MAX_WORD) w--;
  if (w < text.length && suspicious(text.slice(w))) hold = w;
  // 2. A trailing run of digits with separators (`4111 1111 11`), which spaces do not end.
  let n = text.length;
  let digits = 0;
  while (n > 0 && isNumericish(text.charCodeAt(n - 1)) && text.length - n < MAX_NUMERIC) {
    const c = text.charCodeAt(n - 1);
    if (c >= 48 && c <= 57) digits++;
    n--;
  }
  while (n < text.length && isSpace(text.charCodeAt(n))) n++; // the run starts at its first character, not a space
  if (digits > 0 && n < hold) hold = n;
  // 3. An unfinished PEM block.
  const begin = text.lastIndexOf('-----BEGIN');
  if (begin >= 0 && begin < hold && text.length - begin < MAX_PEM && text.indexOf('-----END', begin) < 0) hold = begin;
  return hold;
}
