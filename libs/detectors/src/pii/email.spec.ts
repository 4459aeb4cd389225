import { mergeSpans } from '../pattern';
import type { Span } from '../types';
import { email } from './contact';

/** The pattern as it ran over the whole text before the detector looked only around each `@`. */
const WHOLE_TEXT = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g;

function wholeText(t: string): Span[] {
  const out: Span[] = [];
  WHOLE_TEXT.lastIndex = 0;
  for (let m = WHOLE_TEXT.exec(t); m !== null; m = WHOLE_TEXT.exec(t)) out.push({ start: m.index, end: m.index + m[0].length });
  return mergeSpans(out);
}

const spans = (t: string) => email.detect(t, { origin: 'user' })?.spans ?? [];
const found = (t: string) => spans(t).map((s) => t.slice(s.start, s.end));

describe('pii.email around each @', () => {
  it('finds addresses anywhere in a long text, with a full 64-character local part', () => {
    const local = 'a'.repeat(64);
    const text = `${'lorem ipsum '.repeat(2000)}write to ${local}@example.com or jane.doe+x@mail.example.co.uk.`;
    expect(found(text)).toEqual([`${local}@example.com`, 'jane.doe+x@mail.example.co.uk']);
  });

  it('does not start an address inside a longer word (the look-behind sees the real text)', () => {
    const y = `${'y'.repeat(30)}+note@b.io`;
    expect(found(`${'x'.repeat(70)}@example.com and then ${y}`)).toEqual([y]);
    expect(found('mail_box@example.com')).toEqual(['mail_box@example.com']);
    expect(found('contact:jane@example.org_archive')).toEqual([]);
  });

  it('finds every address the whole-text pattern finds (seeded random texts full of @, dots and dashes)', () => {
    const alphabet = 'ab.-_@+%1 Z\n_x.co.uk@@';
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let extra = 0;
    for (let i = 0; i < 20_000; i++) {
      let t = '';
      for (let k = 1 + Math.floor(rnd() * 120); k > 0; k--) t += alphabet[Math.floor(rnd() * alphabet.length)];
      if (rnd() < 0.3) t = `${t.slice(0, 10)}jane.doe+x@mail.example.co.uk${t.slice(10)}`;
      const now = spans(t);
      for (const o of wholeText(t)) expect([t, now.some((s) => s.start <= o.start && s.end >= o.end)]).toEqual([t, true]);
      if (JSON.stringify(now) !== JSON.stringify(wholeText(t))) extra++;
    }
    // Where addresses overlap (`x@cjane.doe+x@mail.example.co.uk`), every reading is reported: a
    // union the whole-text scan, which skips a match overlapping an earlier one, did not give.
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThan(1_000);
  });
});
