import type { Row } from './row';
import { Mixed1 } from './mixed-1';
import { Mixed2 } from './mixed-2';
import { Mixed3 } from './mixed-3';
import { Mixed4 } from './mixed-4';
import { Mixed5 } from './mixed-5';
import { Mixed6 } from './mixed-6';
import { Mixed7 } from './mixed-7';
import { Mixed8 } from './mixed-8';
import { Mixed9 } from './mixed-9';
import { Mixed10 } from './mixed-10';
import { Mixed11 } from './mixed-11';

/** All rows of the "mixed" slice: a realistic mix of gateway traffic. Written for this repository. */
export const MixedRows: Row[] = [...Mixed1, ...Mixed2, ...Mixed3, ...Mixed4, ...Mixed5, ...Mixed6, ...Mixed7, ...Mixed8, ...Mixed9, ...Mixed10, ...Mixed11];
