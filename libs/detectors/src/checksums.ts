import type * as Ibantools from 'ibantools' with { 'resolution-mode': 'import' };

// ibantools ships CommonJS (build/ibantools.cjs) but its only typings are declared as ESM, which a
// CommonJS file may not `import`; so the types come from an import type and the code from require.
const { electronicFormatIBAN, isValidIBAN } = require('ibantools') as typeof Ibantools;

/** Luhn (mod 10): payment cards, Canadian SINs. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * ISO 13616 IBAN check, decided by `ibantools`: the country is in the IBAN registry, the length and
 * BBAN format are that country's, and mod 97 = 1. Spaces and dashes are ignored.
 */
export function ibanValid(iban: string): boolean {
  const s = electronicFormatIBAN(iban);
  return s !== null && isValidIBAN(s);
}
