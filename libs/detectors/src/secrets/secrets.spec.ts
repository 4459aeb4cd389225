import type { Detector } from '../types';
import { anthropicKey, awsKey, connectionString, gcpKey, githubToken, jwt, openaiKey, privateKey, slackToken } from './secrets';

const fires = (d: Detector, t: string) => d.detect(t, { origin: 'user' }) !== null;
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2B\n-----END RSA PRIVATE KEY-----';

describe.each<[string, Detector, string[], string[]]>([
  ['openai', openaiKey, ['key sk-proj-Ab3dEf6hIjKlMnOpQrStUvWx0123456789', 'sk-Zx81kq0aPL2mnbvc7DSr4TyuW3qZ1XcV'], ['the sk-learn library', 'sk-ant-api03-aaaa', 'sk-gh-test-key-0001']],
  ['anthropic', anthropicKey, ['sk-ant-api03-Ab3dEf6hIjKlMnOpQrStUvWx0123456789abcd'], ['sk-ant-', 'ask-anthony']],
  ['aws', awsKey, ['AKIAIOSFODNN7EXAMPLE', `aws_secret_access_key = ${AWS_SECRET}`], ['AKIA is the prefix', AWS_SECRET]],
  ['gcp', gcpKey, ['AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'], ['AIza prefix']],
  ['github', githubToken, ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'], ['ghp_short']],
  ['slack', slackToken, ['xoxb-2345678901-2345678901234-AbCdEfGhIjKlMnOpQrStUvWx'], ['xox is fine']],
  ['jwt', jwt, ['Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'], ['eyJ alone']],
  ['pem', privateKey, [PEM, '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA'], ['-----BEGIN PUBLIC KEY-----\nMIIB']],
  ['connection string', connectionString, ['postgres://app:Tr0ub4dor3@db.internal:5432/prod', 'Server=db;Database=x;User Id=sa;Password=Hunter22!;'], ['postgres://user:password@localhost/db', 'postgres://app:${PGPASSWORD}@db/x', 'https://example.com']],
])('%s', (_name, d, yes, no) => {
  it.each(yes)('fires on %s', (t) => expect(fires(d, t)).toBe(true));
  it.each(no)('does not fire on %s', (t) => expect(fires(d, t)).toBe(false));
});

it('spans cover exactly the secret', () => {
  const t = 'use AKIAIOSFODNN7EXAMPLE now';
  const s = awsKey.detect(t, { origin: 'user' })!.spans[0];
  expect(t.slice(s.start, s.end)).toBe('AKIAIOSFODNN7EXAMPLE');
});
