import type { Row } from './row';
import { Indirect1 } from './indirect-1';
import { Indirect2 } from './indirect-2';
import { Indirect3 } from './indirect-3';
import { Indirect4 } from './indirect-4';
import { Indirect5 } from './indirect-5';
import { Indirect6 } from './indirect-6';
import { Indirect7 } from './indirect-7';
import { Indirect8 } from './indirect-8';
import { Indirect9 } from './indirect-9';
import { Indirect10 } from './indirect-10';
/** The "indirect" slice: text arriving from tools and retrieved documents, attacks and benign look-alikes. Written for this repository. */
export const IndirectRows: Row[] = [
  ...Indirect1,
  ...Indirect2,
  ...Indirect3,
  ...Indirect4,
  ...Indirect5,
  ...Indirect6,
  ...Indirect7,
  ...Indirect8,
  ...Indirect9,
  ...Indirect10,
];
