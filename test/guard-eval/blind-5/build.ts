/** Blind set 5's ids (`b5-<category>-<n>`) and encoders: see `blind-build.ts`. */
import { grouper } from '../blind-build';

export type { Item } from '../blind-build';
export { b64, fullwidth, hex, homoglyph, leet, reversed, rot13, spaced, urlEnc, zeroWidth } from '../blind-build';
export const group = grouper('b5');
