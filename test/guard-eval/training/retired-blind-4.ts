/**
 * Blind evaluation set 4, retired into training (as blind sets 1 to 3 were): written blind on
 * 2026-12-05 by an author who never read the detectors or the guard, measured after the
 * 2.1.0+9ac40523 freeze (recall 0.917, 0.8 % FP; docs/adr/0008), and a training source since.
 * Blind set 5 (`../blind-set-5.ts`) is the estimate now.
 */
import type { Example } from './blind-4/example';
import { part1 } from './blind-4/part-1';
import { part2 } from './blind-4/part-2';
import { part3 } from './blind-4/part-3';
import { part4 } from './blind-4/part-4';
import { part5 } from './blind-4/part-5';
import { part6 } from './blind-4/part-6';
import { part7 } from './blind-4/part-7';

export const RetiredBlindSet4: Example[] = [...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7];

