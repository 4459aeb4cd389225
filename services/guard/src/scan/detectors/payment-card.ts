import type { Detector } from './detector';

const CANDIDATE = /\b(?:\d[ -]?){12,18}\d\b/g;

/** Luhn checksum: rejects most digit runs that merely look like card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Payment card numbers (13–19 digits, spaces or dashes allowed) that pass the Luhn check. */
export const paymentCard: Detector = {
  name: 'pii.payment_card',
  version: '0.1.0',
  scan(text) {
    for (const m of text.matchAll(CANDIDATE)) {
      const digits = m[0].replace(/[ -]/g, '');
      if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return 1;
    }
    return null;
  },
};
