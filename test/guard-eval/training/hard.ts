import type { Row } from './row';
import { Hard1 } from './hard-1';
import { Hard2 } from './hard-2';

/** The "hard" slice: texts whose surface words point the wrong way. Written for this repository. */
export const HardRows: Row[] = [...Hard1, ...Hard2];
