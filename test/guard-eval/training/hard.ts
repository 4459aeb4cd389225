import type { Row } from './row';
import { Hard1 } from './hard-1';
import { Hard2 } from './hard-2';
import { Hard3 } from './hard-3';
import { Hard4 } from './hard-4';
import { Hard5 } from './hard-5';
import { Hard6 } from './hard-6';
import { Hard7 } from './hard-7';
import { Hard8 } from './hard-8';
import { Hard9 } from './hard-9';
import { Hard10 } from './hard-10';
import { Hard11 } from './hard-11';

/** The "hard" slice: texts whose surface words point the wrong way. Written for this repository. */
export const HardRows: Row[] = [...Hard1, ...Hard2, ...Hard3, ...Hard4, ...Hard5, ...Hard6, ...Hard7, ...Hard8, ...Hard9, ...Hard10, ...Hard11];
