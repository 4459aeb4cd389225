import { RestoreStream } from './restore-stream';
import { rewrite } from './rewrite';
import { MaskVault, restoreText } from './vault';

describe('rewrite', () => {
  it('redacts and masks, one token per distinct value', () => {
    const v = new MaskVault();
    const text = 'a@x.io wrote to b@y.io and a@x.io; card 4111111111111111';
    const out = rewrite(text, [
      { start: 0, end: 6, action: 'mask', label: 'EMAIL' },
      { start: 16, end: 22, action: 'mask', label: 'EMAIL' },
      { start: 27, end: 33, action: 'mask', label: 'EMAIL' },
      { start: 40, end: 56, action: 'redact', label: 'CARD' },
    ], v);
    expect(out).toBe('<EMAIL_1> wrote to <EMAIL_2> and <EMAIL_1>; card [REDACTED_CARD]');
    expect(restoreText(out, v)).toBe('a@x.io wrote to b@y.io and a@x.io; card [REDACTED_CARD]');
  });
  it('merges overlaps, redact winning', () => {
    expect(rewrite('0123456789', [{ start: 2, end: 6, action: 'mask', label: 'A' }, { start: 4, end: 8, action: 'redact', label: 'B' }], new MaskVault())).toBe('01[REDACTED_B]89');
  });
});

describe('RestoreStream', () => {
  const vault = new MaskVault();
  vault.tokenFor('EMAIL', 'jane@example.com');
  vault.tokenFor('AWS_KEY', 'AKIAIOSFODNN7EXAMPLE');
  const run = (pieces: string[]) => {
    const s = new RestoreStream(vault);
    const out = pieces.map((p) => s.push(p));
    return { out, all: out.join('') + s.flush() };
  };

  it.each([
    [['Mail <EMAIL_1> now']],
    [['Mail <EMA', 'IL_1> now']],
    [['Mail <', 'EMAIL_', '1', '> now']],
    [['Mail ', '<EMAIL_1>', ' now']],
  ])('restores a token split as %j', (pieces) => expect(run(pieces).all).toBe('Mail jane@example.com now'));

  it('holds back only the possible token, not the text before it', () => {
    expect(run(['Hello <EM', 'AIL_1>']).out).toEqual(['Hello ', 'jane@example.com']);
  });
  it('lets a "<" that is no token through at once', () => {
    expect(run(['a < b and <b>bold', ' x']).out).toEqual(['a < b and <b>bold', ' x']);
  });
  it('keeps unknown tokens', () => expect(run(['<EMAIL_9>']).all).toBe('<EMAIL_9>'));
});
