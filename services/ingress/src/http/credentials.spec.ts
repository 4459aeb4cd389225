import { credentialDigest, credentialFrom } from './credentials';

describe('credentialFrom', () => {
  it.each([
    [{ authorization: 'Bearer sk-gh-abc' }, 'sk-gh-abc'],
    [{ authorization: 'bearer   sk-gh-abc ' }, 'sk-gh-abc'],
    [{ 'x-api-key': 'sk-gh-anthropic-style' }, 'sk-gh-anthropic-style'],
    [{ 'api-key': 'sk-gh-azure-style' }, 'sk-gh-azure-style'],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, null],
    [{ authorization: 'Bearer' }, null],
    [{ authorization: 'Bearer a b' }, null],
    [{}, null],
  ])('%j → %s', (headers, expected) => {
    expect(credentialFrom(headers)).toBe(expected);
  });

  it('digests the whole credential: a shared prefix gives an unrelated digest', () => {
    const a = credentialDigest('sk-gh-0123456789abcdef-A');
    const b = credentialDigest('sk-gh-0123456789abcdef-B');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
  });
});
