import { HOMOGLYPHS } from './homoglyphs';

/**
 * Text as the rules see it, with a map back to the text as written: `map[i]` is the offset in the
 * raw text of normalized character `i` (null when the two are the same string, the common case).
 */
export interface Normalized {
  text: string;
  map: Int32Array | null;
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Zero-width and invisible format characters used to split words past a filter. */
function invisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0x00ad || c === 0x180e
    || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x034f || (c >= 0x202a && c <= 0x202e);
}

/**
 * Pure: compatibility-normalizes (NFKD without combining marks: fullwidth, ligatures, math
 * letters, accents), drops zero-width characters and Unicode tag characters, and folds common
 * homoglyphs to ASCII. ASCII-only text is returned as it is, with no copy.
 */
export function normalize(raw: string): Normalized {
  if (!NON_ASCII.test(raw)) return { text: raw, map: null };
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80) {
      out += raw[i];
      map.push(i);
      continue;
    }
    if (invisible(c)) continue;
    const high = c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length;
    const cp = high ? raw.codePointAt(i)! : c;
    if (cp >= 0xe0000 && cp <= 0xe007f) { // Unicode tags: invisible ASCII smuggling
      i++;
      continue;
    }
    const ch = high ? raw.slice(i, i + 2) : raw[i];
    const folded = foldChar(ch);
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    if (high) i++;
  }
  return { text: foldMixedScript(out), map: Int32Array.from(map) };
}

/**
 * NFKC (fullwidth, ligatures, math letters → ASCII); accents are stripped from Latin letters only,
 * so Cyrillic й, Hangul syllables and kana with dakuten stay what they are.
 */
function foldChar(ch: string): string {
  const c = ch.normalize('NFKC');
  for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) >= 0x250) return c;
  return c.normalize('NFD').replace(MARKS, '');
}

const LETTER_RUN = /\p{L}+/gu;
const ASCII_LETTER = /[A-Za-z]/;

/**
 * Homoglyphs are folded only in words that mix scripts (`іgnоre`: Cyrillic і, о among Latin), so
 * Russian or Greek text stays itself for the multilingual rules. One character for one: offsets hold.
 */
function foldMixedScript(text: string): string {
  return text.replace(LETTER_RUN, (w) => {
    if (!ASCII_LETTER.test(w) || !NON_ASCII.test(w)) return w;
    let out = '';
    for (const x of w) out += HOMOGLYPHS.get(x.charCodeAt(0)) ?? x;
    return out;
  });
}

const LEET_CODES = new Map<number, number>(
  Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '|': 'l', '!': 'i', '+': 't' })
    .map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]),
);
/** A digit or symbol inside a word (`n0r`, `5y5`); `3pm` or `v2` alone are not leetspeak, so two are needed. */
const LEET_IN_WORD = /[a-z][013457@$|!+][a-z]|\b[013457@$][a-z]{2,}[013457@$]/gi;

function looksLeet(text: string): boolean {
  LEET_IN_WORD.lastIndex = 0;
  return LEET_IN_WORD.exec(text) !== null && LEET_IN_WORD.exec(text) !== null;
}
const LATIN1 = /^[\x00-\xff]*$/;

/** Pure: folds leetspeak (`1gn0r3` → `ignore`) one character for one, so offsets are kept; null when the text shows none. */
export function foldLeet(text: string): string | null {
  if (!looksLeet(text)) return null;
  if (!LATIN1.test(text)) return text.replace(/[013457@$|!+]/g, (c) => String.fromCharCode(LEET_CODES.get(c.charCodeAt(0)) ?? c.charCodeAt(0)));
  const bytes = Buffer.from(text, 'latin1'); // one byte per character: fold in place
  for (let i = 0; i < bytes.length; i++) {
    const to = LEET_CODES.get(bytes[i]);
    if (to !== undefined) bytes[i] = to;
  }
  return bytes.toString('latin1');
}

const SPACED = /\b(?:[A-Za-z][ .\-_*]){4,}[A-Za-z]\b/g;

/** Pure: joins letter-spaced words (`i g n o r e` → `ignore`), padding to keep offsets; null when none. */
export function joinSpacedLetters(text: string): string | null {
  if (!SPACED.test(text)) return null;
  SPACED.lastIndex = 0;
  return text.replace(SPACED, (m) => {
    const letters = m.replace(/[ .\-_*]/g, '');
    return letters + ' '.repeat(m.length - letters.length);
  });
}

/** Maps a span of normalized text back to raw offsets. */
export function toRaw(n: Normalized, start: number, end: number, rawLength: number): { start: number; end: number } {
  if (!n.map) return { start, end };
  const s = start < n.map.length ? n.map[start] : rawLength;
  const e = end > 0 && end - 1 < n.map.length ? n.map[end - 1] + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
