import type { Detector } from '../types';
import { email, ipAddress, phone } from './contact';
import { iban, paymentCard } from './financial';
import { caSin, esDni, ukNino, usSsn } from './national-ids';

const found = (d: Detector, t: string) => (d.detect(t, { origin: 'user' })?.spans ?? []).map((s) => t.slice(s.start, s.end));

describe.each<[string, Detector, [string, string][], string[]]>([
  ['email', email, [['write to jane.doe+x@mail.example.co.uk today', 'jane.doe+x@mail.example.co.uk']], ['user at example dot com', '@decorator', 'a@b']],
  ['phone', phone, [['call +44 20 7946 0958', '+44 20 7946 0958'], ['(415) 555-2671', '(415) 555-2671'], ['0049 30 901820', '0049 30 901820'], ['tel 06 12 34 56 78', '06 12 34 56 78'], ['+33612345678', '+33612345678']], ['version 1.2.3', 'call 555-2671', 'on 2024-05-01', 'id 12345678']],
  ['card', paymentCard, [['card 4111 1111 1111 1111', '4111 1111 1111 1111'], ['amex 3782-822463-10005', '3782-822463-10005'], ['5555555555554444', '5555555555554444']], ['4111 1111 1111 1112', 'order 1234567812345678', '0000000000000000', 'ts 1712345678901']],
  ['iban', iban, [['IBAN DE89 3704 0044 0532 0130 00 BIC', 'DE89 3704 0044 0532 0130 00'], ['GB82WEST12345698765432', 'GB82WEST12345698765432'], ['FR1420041010050500013M02606', 'FR1420041010050500013M02606']], ['DE89 3704 0044 0532 0130 01', 'GB00WEST12345698765432']],
  ['ssn', usSsn, [['SSN 536-22-1234', '536-22-1234'], ['ssn: 536221234', '536221234']], ['000-12-3456', '666-12-3456', '912-12-3456', '536-00-1234', '078-05-1120', 'zip 536221234']],
  ['nino', ukNino, [['NI number JG 10 37 74 A', 'JG 10 37 74 A'], ['AB123456C', 'AB123456C']], ['GB123456C', 'DQ123456C', 'AB123456E']],
  ['sin', caSin, [['SIN 046 454 286', '046 454 286']], ['046 454 287', '846 454 286']],
  ['dni', esDni, [['DNI 12345678Z', '12345678Z'], ['NIE X1234567L', 'X1234567L']], ['12345678A']],
  ['ip', ipAddress, [['from 203.0.113.42 at', '203.0.113.42'], ['2001:db8::8a2e:370:7334', '2001:db8::8a2e:370:7334']], ['127.0.0.1', '0.0.0.0', 'v1.2.3.4.5', '999.1.1.1', '::1']],
])('%s', (_n, d, yes, no) => {
  it.each(yes)('finds it in %s', (t, want) => expect(found(d, t)).toEqual([want]));
  it.each(no)('not in %s', (t) => expect(found(d, t)).toEqual([]));
});
