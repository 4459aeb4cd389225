import { scrubSecrets, scrubValue } from './scrub';

describe('scrubSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-proj-abcdef123456', 'Incorrect API key provided: sk-***'],
    ['authorization: Bearer sk-gh-0123456789abcdef', 'authorization: Bearer ***'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abc123def', 'token jwt-***'],
    ['aws AKIAIOSFODNN7EXAMPLE here', 'aws aws-key-*** here'],
    [`digest ${'ab'.repeat(32)}`, 'digest sha256-***'],
  ])('%s', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('model gpt-4o answered in 12 ms')).toBe('model gpt-4o answered in 12 ms');
  });

  it('scrubs nested values and errors', () => {
    const out = scrubValue({ a: ['sk-live-1234567890'], e: new Error('bad key sk-gh-abcdefghij') });
    expect(JSON.stringify(out)).not.toContain('1234567890');
    expect(JSON.stringify(out)).not.toContain('abcdefghij');
  });
});
