import { mergeSpans, patternDetector, validPrefix } from '../pattern';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Detector, Span } from '../types';

const pii = { version: '1.0.0', kind: 'pii' as const };

/** An e-mail address (the local part is at most 64 characters, as RFC 5321 allows). */
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/**
 * E-mail addresses, found around each `@` rather than by running the pattern over the whole text:
 * the pattern tries every word start of an 8k-token prompt (a third of its whole scan), while an
 * address needs an `@`. Each look covers the 64-character local part before it (plus one for the
 * pattern's look-behind) and the domain after it (plus one for its closing word boundary).
 */
export const email: Detector = {
  ...pii, version: '1.1.0', name: 'pii.email', label: 'EMAIL', input: 'raw',
  detect(text) {
    const spans: Span[] = [];
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      // One character more on the left than a local part can use: a match starting on it could not
      // see its look-behind, and no address of this `@` starts there, so such a match is skipped.
      const from = Math.max(0, at - 66);
      let to = at + 1;
      while (to < text.length && DOMAIN_CHAR.test(text[to])) to++;
      const window = text.slice(from, Math.min(text.length, to + 1));
      EMAIL.lastIndex = 0;
      for (let m = EMAIL.exec(window); m !== null; m = EMAIL.exec(window)) {
        if (m.index > 0 || from === 0) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
      }
    }
    return spans.length ? { score: 1, spans: mergeSpans(spans), reasons: ['pii.email'] } : null;
  },
};

/**
 * Regions tried for a national number written with a trunk 0 (`020 7946 0958`, `06 12 34 56 78`):
 * it counts as a phone number when it is a possible number in any of them.
 */
export const NATIONAL_REGIONS: readonly CountryCode[] = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'AU', 'IN', 'BR', 'JP'];

/** Cheap candidates (they prefilter a long prompt fast); libphonenumber-js decides which are numbers. */
const PHONE_CANDIDATES = [
  /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-])/g,
  /(?<![\w(+-])(?:\(\d{3}\) ?|\d{3}[.-])\d{3}[.-]\d{4}(?![\w-])/g,
  /(?<![\w+-])0\d{1,4}(?:[ .-]\d{2,8}){1,4}(?![\w-])/g,
];

/**
 * Candidates parsed by the library per text: about 10 µs each, so a prompt that is a contact list
 * (thousands of numbers) would cost tens of milliseconds. Past this many, a candidate that passes
 * our own noise rules counts as a number without the library's say (more redaction, not less).
 */
export const PHONE_PARSES_PER_TEXT = 200;

/** Pure: our own noise rules: 8–15 digits, not one repeated digit, not a date. */
function phoneShaped(s: string): boolean {
  const digits = s.replace(/\D/g, '').replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits) && !/^(19|20)\d\d[ .-]\d\d[ .-]\d\d$/.test(s);
}

const possible = (s: string, region?: CountryCode) => parsePhoneNumberFromString(s, region)?.isPossible() === true;

/**
 * Whether a candidate is a phone number. Our own rules only keep out noise (8–15 digits, not one
 * repeated digit, not a date); the numbering plan is libphonenumber-js's: international numbers
 * (`+`, `00`) must have a possible length for their country calling code (possible, not valid, so
 * fictional and test ranges still count), `(415) 555-2671` style ones for the US, and trunk-0 ones
 * for one of NATIONAL_REGIONS.
 */
export function phoneNumberPossible(s: string): boolean {
  if (!phoneShaped(s)) return false;
  if (s.startsWith('+')) return possible(s);
  if (s.startsWith('00')) return possible(`+${s.slice(2)}`);
  if (s.startsWith('0')) return NATIONAL_REGIONS.some((r) => possible(s, r));
  return possible(s, 'US');
}

/**
 * Phone numbers: international (`+44 20 7946 0958`, `0044 …`), North American (`(415) 555-2671`)
 * and grouped national numbers with a trunk 0 (`020 7946 0958`, `06 12 34 56 78`), checked
 * against libphonenumber-js's metadata. A trailing group the candidate swallowed is given back.
 */
export const phone: Detector = {
  ...pii, version: '1.1.0', name: 'pii.phone', label: 'PHONE', input: 'raw',
  detect(text) {
    const spans: Span[] = [];
    let parses = 0;
    const isNumber = (v: string) => (++parses <= PHONE_PARSES_PER_TEXT ? phoneNumberPossible(v) : phoneShaped(v));
    for (const re of PHONE_CANDIDATES) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const v = validPrefix(m[0], isNumber, ' .-');
        if (v) spans.push({ start: m.index, end: m.index + v.length });
      }
    }
    return spans.length ? { score: 1, spans: mergeSpans(spans), reasons: ['pii.phone'] } : null;
  },
};

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;

const ipv4 = patternDetector({
  ...pii, name: 'pii.ip_address', label: 'IP_ADDRESS',
  prefilter: (t) => /\d\.\d{1,3}\.\d/.test(t),
  patterns: [new RegExp(String.raw`(?<![\w.])(?<!version )(?<!ver\. )${OCTET}(?:\.${OCTET}){3}(?![\w]|\.\d)`, 'g')],
  validate: (s) => !/^(?:127\.|0\.0\.0\.0$|255\.255\.255\.)/.test(s),
});

const ipv6 = patternDetector({
  ...pii, name: 'pii.ip_address', label: 'IP_ADDRESS',
  prefilter: (t) => /[0-9a-fA-F]:[0-9a-fA-F]{0,4}:/.test(t),
  patterns: [/(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:){0,5}[0-9a-fA-F]{1,4}(?![\w:])/g],
  validate: (s) => s !== '::1',
});

/** IPv4 and IPv6 addresses; loopback and unspecified ones (`127.0.0.1`, `::1`, `0.0.0.0`) say nothing about anyone. */
export const ipAddress: Detector = {
  ...ipv4,
  detect(text, ctx) {
    const a = ipv4.detect(text, ctx);
    const b = ipv6.detect(text, ctx);
    if (!a || !b) return a ?? b;
    return { score: 1, spans: mergeSpans([...a.spans, ...b.spans]), reasons: a.reasons };
  },
};
