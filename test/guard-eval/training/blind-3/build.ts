import type { Origin } from '@gatehouse/detectors';
import type { Example } from './example';

/** An item is a text in the group's default origin, or an [origin, text] pair. */
export type Item = string | [Origin, string];

/** Numbers a category's items as b3-<category>-<n>, starting at `start` so a category can span files. */
export function group(category: string, attack: boolean, origin: Origin, items: Item[], start = 1): Example[] {
  return items.map((item, i) => {
    const [o, text] = typeof item === 'string' ? [origin, item] : item;
    return { id: `b3-${category}-${start + i}`, text, origin: o, expect: attack ? ['prompt_injection'] : [] };
  });
}

// Deterministic encoders, so obfuscated examples are built rather than pasted.
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
export const rot13 = (s: string): string =>
  s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
export const leet = (s: string): string => s.replace(/[aeiost]/gi, (c) => LEET[c.toLowerCase()] ?? c);
export const spaced = (s: string, sep = ' '): string => [...s].join(sep);
const HOMO: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', i: '\u0456', x: '\u0445' };
export const homoglyph = (s: string): string => s.replace(/[aeopcix]/g, (c) => HOMO[c] ?? c);
export const zeroWidth = (s: string): string => [...s].join('\u200b');
export const reversed = (s: string): string => [...s].reverse().join('');
export const urlEnc = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
export const fullwidth = (s: string): string =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
