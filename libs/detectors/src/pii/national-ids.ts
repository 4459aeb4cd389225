import { luhnValid } from '../checksums';
import { patternDetector } from '../pattern';

const pii = { version: '1.0.0', kind: 'pii' as const };

/**
 * US Social Security numbers with the SSA's validity rules: area not 000, 666 or 9xx, group not
 * 00, serial not 0000, and not the numbers famously published (078-05-1120, 219-09-9999).
 * Nine bare digits count only next to the words "SSN" / "social security".
 */
export const usSsn = patternDetector({
  ...pii, name: 'pii.us_ssn', label: 'SSN',
  patterns: [/(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])|(?<![\d-])\d{3} \d{2} \d{4}(?![\d-])/g, /\b(?:ssn|social security(?: number| no\.?)?)\b\D{0,20}(\d{9})\b/gi],
  validate: (s) => {
    const d = s.replace(/\D/g, '');
    if (d.length !== 9) return false;
    const area = d.slice(0, 3);
    if (area === '000' || area === '666' || area[0] === '9') return false;
    if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
    return d !== '078051120' && d !== '219099999' && d !== '123456789';
  },
});

/** UK National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; no BG, GB, NK, KN, TN, NT, ZZ), six digits, suffix A–D. */
export const ukNino = patternDetector({
  ...pii, name: 'pii.uk_nino', label: 'NINO',
  patterns: [/\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g],
});

/** Canadian Social Insurance numbers: nine digits in groups of three, Luhn-valid, not starting with 8 (business numbers). */
export const caSin = patternDetector({
  ...pii, name: 'pii.ca_sin', label: 'SIN',
  patterns: [/(?<![\d-])\d{3}[- ]\d{3}[- ]\d{3}(?![\d-])/g],
  validate: (s) => {
    const d = s.replace(/\D/g, '');
    return d[0] !== '8' && luhnValid(d);
  },
});

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI / NIE: eight digits (NIE: X, Y or Z and seven) and the mod-23 control letter. */
export const esDni = patternDetector({
  ...pii, name: 'pii.es_dni', label: 'DNI',
  patterns: [/\b[XYZ]?\d{7,8}-?[A-Z]\b/g],
  validate: (s) => {
    const v = s.replace('-', '');
    const body = v.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
    return body.length === 8 && /^\d{8}$/.test(body) && DNI_LETTERS[Number(body) % 23] === v[v.length - 1];
  },
});
