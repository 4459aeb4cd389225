import { mergeSpans, patternDetector } from '../pattern';
import type { Detector } from '../types';

const pii = { version: '1.0.0', kind: 'pii' as const };

export const email = patternDetector({
  ...pii, name: 'pii.email', label: 'EMAIL',
  prefilter: (t) => t.includes('@'),
  patterns: [/(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g],
});

/**
 * Phone numbers: international (`+44 20 7946 0958`, `0044 …`), North American (`(415) 555-2671`)
 * and grouped national numbers with a trunk 0 (`020 7946 0958`, `06 12 34 56 78`). 8–15 digits
 * (E.164). A full numbering-plan check needs libphonenumber (see docs/adr/0008).
 */
export const phone = patternDetector({
  ...pii, name: 'pii.phone', label: 'PHONE',
  patterns: [
    /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\w-])/g,
    /(?<![\w(+-])(?:\(\d{3}\) ?|\d{3}[.-])\d{3}[.-]\d{4}(?![\w-])/g,
    /(?<![\w+-])0\d{1,4}(?:[ .-]\d{2,8}){1,4}(?![\w-])/g,
  ],
  validate: (s) => {
    const digits = s.replace(/\D/g, '').replace(/^00/, '');
    return digits.length >= 8 && digits.length <= 15 && !/^(\d)\1+$/.test(digits) && !/^(19|20)\d\d[ .-]\d\d[ .-]\d\d$/.test(s);
  },
});

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
