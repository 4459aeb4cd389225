/** Blind set 4's ids (`b4-<category>-<n>`) and encoders: see `blind-build.ts`. */
import { grouper } from '../../blind-build';

export type { Item } from '../../blind-build';
export { b64, fullwidth, hex, homoglyph, leet, reversed, rot13, spaced, urlEnc, zeroWidth } from '../../blind-build';
export const group = grouper('b4');
