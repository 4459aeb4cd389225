/**
 * Confusable characters NFKC leaves alone, folded to the ASCII letter they imitate (Cyrillic,
 * Greek, a few Latin extensions): the usual tools of `іgnоre` with Cyrillic і and о. A subset of
 * Unicode's confusables.txt chosen for letters used in attack phrases.
 */
const PAIRS: [string, string][] = [
  ['а', 'a'], ['в', 'b'], ['с', 'c'], ['ԁ', 'd'], ['е', 'e'], ['ё', 'e'], ['һ', 'h'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
  ['к', 'k'], ['ӏ', 'l'], ['м', 'm'], ['н', 'h'], ['о', 'o'], ['р', 'p'], ['ԛ', 'q'], ['ѕ', 's'], ['т', 't'], ['у', 'y'],
  ['х', 'x'], ['ԝ', 'w'], ['А', 'A'], ['В', 'B'], ['С', 'C'], ['Е', 'E'], ['Н', 'H'], ['І', 'I'], ['Ј', 'J'], ['К', 'K'],
  ['М', 'M'], ['О', 'O'], ['Р', 'P'], ['Ѕ', 'S'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'],
  ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['η', 'n'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'],
  ['υ', 'u'], ['χ', 'x'], ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'],
  ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Χ', 'X'], ['Υ', 'Y'], ['Ζ', 'Z'],
  ['ı', 'i'], ['ɡ', 'g'], ['ɑ', 'a'], ['ℓ', 'l'], ['ꮪ', 'S'], ['ꓲ', 'I'], ['Ɩ', 'l'],
];

export const HOMOGLYPHS: ReadonlyMap<number, string> = new Map(PAIRS.map(([k, v]) => [k.charCodeAt(0), v]));
