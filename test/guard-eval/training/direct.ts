import type { Row } from './row';
import { Direct1 } from './direct-1';
import { Direct2 } from './direct-2';
import { Direct3 } from './direct-3';
import { Direct4 } from './direct-4';
import { Direct5 } from './direct-5';
import { Direct6 } from './direct-6';
import { Direct7 } from './direct-7';
import { Direct8 } from './direct-8';

/** All "direct" slice rows: messages a user types straight into a chat. Written for this repository. */
export const DirectRows: Row[] = [
  ...Direct1,
  ...Direct2,
  ...Direct3,
  ...Direct4,
  ...Direct5,
  ...Direct6,
  ...Direct7,
  ...Direct8,
];
