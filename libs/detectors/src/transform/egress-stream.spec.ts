import { EgressDetectors } from '../catalog';
import { DEFAULT_OUTBOUND_ACTIONS } from '../policy/settings';
import { EgressStream } from './egress-stream';
import { holdFrom } from './holdback';

const stream = (actions = DEFAULT_OUTBOUND_ACTIONS) => new EgressStream(EgressDetectors, actions);
const run = (pieces: string[], s = stream()) => {
  const out = pieces.map((p) => s.push(p));
  return { out, all: out.join('') + s.flush(), s };
};

describe('holdFrom', () => {
  it.each([
    ['Hello world', 11],
    ['Your card is 4111 1111', 13],
    ['key: sk-pr', 5],
    ['see you at', 10],
    ['mail jane@exa', 5],
    ['x -----BEGIN RSA PRIVATE KEY-----\nMIIE', 2],
  ])('%j → %d', (t, want) => expect(holdFrom(t)).toBe(want));
});

describe('EgressStream', () => {
  it('redacts a card split across chunks, holding back only its digits', () => {
    const r = run(['Your card is 4111 11', '11 1111 1111', ' thanks']);
    expect(r.all).toBe('Your card is [REDACTED_CARD] thanks');
    expect(r.out[0]).toBe('Your card is ');
  });
  it('redacts a key split in two, flags an email', () => {
    const r = run(['token AKIAIOSF', 'ODNN7EXAMPLE ok, mail jane@example.com.']);
    expect(r.all).toBe('token [REDACTED_AWS_KEY] ok, mail jane@example.com.');
    expect([...r.s.findings.keys()].sort()).toEqual(['pii.email', 'secret.aws_key']);
  });
  it('sends ordinary words at once', () => {
    expect(run(['Hello', ' there', ' friend']).out).toEqual(['Hello', ' there', ' friend']);
  });
  it('stops at a blocked finding', () => {
    const r = run(['a 4111 1111 1111 1111 b', ' more'], stream({ 'pii.payment_card': 'block' }));
    expect(r.all).toBe('a ');
    expect(r.s.blocked).toBe('pii.payment_card');
  });
});
