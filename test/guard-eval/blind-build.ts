import type { Origin } from '@gatehouse/detectors';
import { fullwidth as fullwidthWide, percentAll } from './training/encode';
import type { Example } from './injection-set';

/** An item is a text in the group's default origin, or an [origin, text] pair. */
export type Item = string | [Origin, string];

/**
 * The blind sets' numbering, shared by each set's `build.ts` (its authors copied one file; the
 * examples are theirs): a category's items become `<prefix>-<category>-<n>`, from `start` so a
 * category can span files; an attack is labelled `prompt_injection`, anything else nothing.
 */
export function grouper(prefix: string) {
  return (category: string, attack: boolean, origin: Origin, items: Item[], start = 1): Example[] =>
    items.map((item, i) => {
      const [o, text] = typeof item === 'string' ? [origin, item] : item;
      return { id: `${prefix}-${category}-${start + i}`, text, origin: o, expect: attack ? ['prompt_injection'] : [] };
    });
}

// The blind sets' deterministic encoders are the training data's (`training/encode.ts`).
export { b64, hex, homoglyph, leet, reversed, rot13, spaced, zeroWidth } from './training/encode';
export const urlEnc = percentAll;
/** Printable ASCII to full width, spaces kept. */
export const fullwidth = (s: string): string => fullwidthWide(s, false);
