/** Small deterministic obfuscation helpers for the traffic slice. Written for this repository. */
export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
export const rot13 = (s: string): string =>
  s.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
export const leet = (s: string): string => s.replace(/[aeiost]/gi, (c) => LEET[c.toLowerCase()] ?? c);
/** Spreads letters apart; word gaps become a slash so the text stays readable to a model. */
export const spaced = (s: string, sep = ' '): string =>
  s.split(' ').map((w) => w.split('').join(sep)).join(' / ');
// Cyrillic look-alikes for Latin letters.
const HOMO: Record<string, string> = { a: '\u0430', e: '\u0435', o: '\u043e', p: '\u0440', c: '\u0441', x: '\u0445', i: '\u0456' };
export const homoglyph = (s: string): string => s.replace(/[aeopcxi]/g, (c) => HOMO[c] ?? c);
export const zeroWidth = (s: string): string => s.split('').join('\u200b');
export const reversed = (s: string): string => s.split('').reverse().join('');
export const urlEnc = (s: string): string =>
  s.split('').map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
