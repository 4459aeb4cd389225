/**
 * The text encodings the training rows hide payloads in, shared by the training files. Every helper
 * is deterministic: the committed classifier weights are fitted to the exact texts these produce,
 * so a change to any output changes the training set (test/guard-eval/eval.spec.ts notices).
 * Where files wanted different variants, the variant is a parameter (a table, a separator).
 * Written for this repository.
 */

/** Base64 of the UTF-8 bytes, as tools and attackers embed it. */
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** URL-safe base64 (no padding) of the UTF-8 bytes, as in JWT segments. */
export const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

/** Lower-case hex of the UTF-8 bytes, unseparated. */
export const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

/** Hex of the UTF-8 bytes, a space between bytes, like a packet dump. */
export const hexSpaced = (s: string): string => hex(s).replace(/(..)(?!$)/g, '$1 ');

/** Eight binary digits per UTF-8 byte, space separated. */
export const binary = (s: string): string => Array.from(Buffer.from(s, 'utf8')).map((b) => b.toString(2).padStart(8, '0')).join(' ');

/** Shifts ASCII letters by `k` (either direction), keeping case; everything else passes through. */
export const caesar = (s: string, k: number): string =>
  s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode((((c.charCodeAt(0) - base + k) % 26) + 26) % 26 + base);
  });

/** ROT13 over ASCII letters only, so accented letters and digits pass through unchanged. */
export const rot13 = (s: string): string => caesar(s, 13);

/** Mirrors ASCII letters (a↔z), keeping case. */
export const atbash = (s: string): string =>
  s.replace(/[a-zA-Z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  });

/** The characters (code points) in reverse order. */
export const reversed = (s: string): string => Array.from(s).reverse().join('');

/** `sep` between every character (code point), word gaps included. */
export const spaced = (s: string, sep = ' '): string => Array.from(s).join(sep);

/** `sep` between the letters of each word; the words are then joined by `gap`. */
export const spacedWords = (s: string, sep = ' ', gap = ' '): string => s.split(' ').map((w) => Array.from(w).join(sep)).join(gap);

/** Zero-width space: invisible when rendered, but it splits keywords for a filter. */
export const ZWSP = '\u200b';

/** An invisible `mark` between every character, a common way to dodge keyword filters. */
export const zeroWidth = (s: string, mark = ZWSP): string => spaced(s, mark);

/** An invisible `mark` inside every word only, so word gaps stay plain spaces. */
export const zeroWidthWords = (s: string, mark = ZWSP): string => spacedWords(s, mark, ' ');

/** The usual leetspeak digits for look-alike letters. */
export const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

/**
 * Swaps the letters `table` names (lower-case keys) for their look-alikes, both cases unless
 * `ignoreCase` is false (then only lower-case letters change, the way chat-speak users write).
 */
export const leet = (s: string, table: Readonly<Record<string, string>> = LEET, ignoreCase = true): string =>
  s.replace(new RegExp(`[${Object.keys(table).join('')}]`, ignoreCase ? 'gi' : 'g'), (c) => table[c.toLowerCase()] ?? c);

/** Cyrillic look-alikes of seven lower-case Latin letters. */
export const CYRILLIC_7: Readonly<Record<string, string>> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', x: '\u0445', i: '\u0456' };

/** {@link CYRILLIC_7} and y. */
export const CYRILLIC_8: Readonly<Record<string, string>> = { ...CYRILLIC_7, y: '\u0443' };

/** Every character `table` names swapped for its look-alike: the words read the same but compare differently. */
export const homoglyph = (s: string, table: Readonly<Record<string, string>> = CYRILLIC_7): string =>
  Array.from(s).map((c) => table[c] ?? c).join('');

/**
 * Printable ASCII mapped to the full-width block (U+FF01..U+FF5E); a space becomes the ideographic
 * space unless `wideSpace` is false.
 */
export const fullwidth = (s: string, wideSpace = true): string =>
  Array.from(s).map((c) => (c === ' ' ? (wideSpace ? '\u3000' : c) : c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

/** Unicode tag characters (U+E0000 block) for each character: invisible in most renderers, readable by tokenizers. */
export const tagChars = (s: string): string => Array.from(s).map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

/** Percent-encodes every UTF-8 byte, plain letters included (unlike encodeURIComponent). */
export const percentAll = (s: string): string => Array.from(Buffer.from(s, 'utf8')).map((b) => '%' + b.toString(16).padStart(2, '0')).join('');

/** A decimal HTML character reference (`&#NNN;`) for every character. */
export const htmlEntities = (s: string): string => Array.from(s).map((c) => `&#${c.codePointAt(0)};`).join('');

/** `\uXXXX` for every UTF-16 unit, as in a JSON or JavaScript string. */
export const unicodeEscape = (s: string): string => Array.from(s).map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

const MORSE: Readonly<Record<string, string>> = {
  a: '.-', b: '-...', c: '-.-.', d: '-..', e: '.', f: '..-.', g: '--.', h: '....', i: '..', j: '.---', k: '-.-', l: '.-..', m: '--',
  n: '-.', o: '---', p: '.--.', q: '--.-', r: '.-.', s: '...', t: '-', u: '..-', v: '...-', w: '.--', x: '-..-', y: '-.--', z: '--..',
};

/**
 * Morse, letters space separated and words by " / ". A character without a code leaves an empty
 * slot (a double space), or nothing when `dropUnknown`.
 */
export const morse = (s: string, dropUnknown = false): string =>
  s
    .toLowerCase()
    .split(' ')
    .map((w) => Array.from(w).map((c) => MORSE[c] ?? '').filter((m) => !dropUnknown || m !== '').join(' '))
    .join(' / ');
