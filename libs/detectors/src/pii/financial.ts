import { ibanValid, luhnValid } from '../checksums';
import type { Detector, Span } from '../types';
import { patternDetector, validPrefix } from '../pattern';

/** Issuer prefixes of the card networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
const IIN = /^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9]|2)|35|30[0-5]|36|38|5[06-8]|6[37])/;

/** Payment card numbers: 13–19 digits, spaces or dashes allowed, a known issuer prefix and a valid Luhn checksum. */
export const paymentCard = patternDetector({
  version: '1.1.0', kind: 'pii', name: 'pii.payment_card', label: 'CARD',
  patterns: [/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g],
  validate: (s) => {
    const d = s.replace(/[ -]/g, '');
    return d.length >= 13 && d.length <= 19 && IIN.test(d) && luhnValid(d) && !/^(\d)\1+$/.test(d);
  },
});

const IBAN_RUN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){3,9}\b/g;

/**
 * IBANs (ISO 13616), checked by `ibantools` (see ibanValid): the country's length and BBAN format
 * from the IBAN registry, and mod 97. A trailing word swallowed by the pattern is given back; 15
 * characters is the shortest IBAN in the registry (Norway).
 */
export const iban: Detector = {
  name: 'pii.iban', version: '1.1.0', kind: 'pii', label: 'IBAN', input: 'raw',
  detect(text) {
    const spans: Span[] = [];
    IBAN_RUN.lastIndex = 0;
    for (let m = IBAN_RUN.exec(text); m !== null; m = IBAN_RUN.exec(text)) {
      const v = validPrefix(m[0], ibanValid, ' ', 15);
      if (v) spans.push({ start: m.index, end: m.index + v.length });
    }
    return spans.length ? { score: 1, spans, reasons: ['pii.iban'] } : null;
  },
};
