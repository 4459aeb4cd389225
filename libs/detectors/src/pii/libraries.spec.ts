import type { Detector } from '../types';
import { ibanValid } from '../checksums';
import { NATIONAL_REGIONS, PHONE_PARSES_PER_TEXT, phone, phoneNumberPossible } from './contact';
import { iban } from './financial';

const found = (d: Detector, t: string) => (d.detect(t, { origin: 'user' })?.spans ?? []).map((s) => t.slice(s.start, s.end));

/** The old checks (8–15 digits; a partial length table + mod-97) passed every "rejected" value below: the libraries decide. */
describe('phone numbers are decided by libphonenumber-js', () => {
  it.each([
    ['+49 30 901820', 'DE'], ['+81 3 1234 5678', 'JP'], ['+61 2 9876 5432', 'AU'], ['+91 98765 43210', 'IN'],
    ['+55 11 91234 5678', 'BR'], ['+39 06 1234 5678', 'IT'], ['+1 (415) 555-2671', 'US'], ['0044 20 7946 0958', 'GB'],
  ])('international %s (%s) is found', (t) => expect(found(phone, `ring ${t} today`)).toEqual([t]));

  it.each(['+44 20 7946 09581', '+33 6 12 34 56 789', '+1 415 555 26711', '0044 20 7946 09581'])(
    'international %s has an impossible length for its calling code',
    (t) => {
      expect(phoneNumberPossible(t)).toBe(false);
      expect(found(phone, `ring ${t} today`)).toEqual([]);
    },
  );

  it('an unassigned country calling code is not a phone number', () => expect(found(phone, 'code +999 1234 5678')).toEqual([]));

  it('possible, not valid: fictional and test ranges still count', () => {
    expect(found(phone, 'call +1 555 123 4567')).toEqual(['+1 555 123 4567']);
    expect(found(phone, 'call (555) 123-4567')).toEqual(['(555) 123-4567']);
  });

  it.each([['020 7946 0958', 'GB'], ['06 12 34 56 78', 'FR'], ['030 901820 00', 'DE'], ['03-1234-5678', 'JP'], ['020 123 4567', 'NL']])(
    'national %s (possible in %s) is found',
    (t) => expect(found(phone, `tel ${t}.`)).toEqual([t]),
  );

  it('national numbers are tried in the configured regions', () => {
    expect(NATIONAL_REGIONS).toEqual(expect.arrayContaining(['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'AU', 'IN', 'BR', 'JP']));
    expect(phoneNumberPossible('0123 4567 8901 2345')).toBe(false);
  });

  it('gives back a trailing group the candidate swallowed', () => expect(found(phone, 'call +44 20 7946 0958 12 times')).toEqual(['+44 20 7946 0958']));

  it('parses a bounded number of candidates per text; past the bound, our noise rules decide (a contact list stays cheap)', () => {
    const list = Array.from({ length: PHONE_PARSES_PER_TEXT }, (_, i) => `+44 20 7946 ${String(1000 + i)}`).join('\n');
    expect(found(phone, `+999 1234 5678\n${list}`)).not.toContain('+999 1234 5678');
    expect(found(phone, `${list}\n+999 1234 5678`)).toContain('+999 1234 5678');
    expect(found(phone, `${list}\n+999 1234 5678`)).toHaveLength(PHONE_PARSES_PER_TEXT + 1);
  });

  it('is version 1.1.0', () => expect(phone.version).toBe('1.1.0'));
});

describe('IBANs are decided by ibantools', () => {
  // Each value below has a right mod-97 check (computed for this test).
  it.each(['UA743052990000026007233566001', 'KW81CBKU0000000000001234560101', 'QA58DOHB00001234567890ABCDEFG'])(
    'valid %s from a country the old length table lacked is found',
    (t) => {
      expect(ibanValid(t)).toBe(true);
      expect(found(iban, `IBAN ${t} thanks`)).toEqual([t]);
    },
  );

  it.each([
    ['UA32305299000002600723356600', 'one character short for Ukraine (29)'],
    ['KW64CBKU000000000000123456010', 'one character short for Kuwait (30)'],
    ['GB64123451234569876543', 'the right length, but a GB BBAN starts with four letters'],
    ['US42123456789012345678', 'no IBAN country'],
  ])('%s is rejected: %s', (t) => {
    expect(ibanValid(t)).toBe(false);
    expect(found(iban, `IBAN ${t} thanks`)).toEqual([]);
  });

  it('ignores spaces and dashes, as before', () => {
    expect(ibanValid('UA74 3052 9900 0002 6007 2335 6600 1')).toBe(true);
    expect(ibanValid('DE89-3704-0044-0532-0130-00')).toBe(true);
    expect(found(iban, 'to UA74 3052 9900 0002 6007 2335 6600 1 BIC')).toEqual(['UA74 3052 9900 0002 6007 2335 6600 1']);
  });

  it('is version 1.1.0', () => expect(iban.version).toBe('1.1.0'));
});
