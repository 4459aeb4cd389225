/**
 * Blind evaluation set 3, retired into training (as blind sets 1 and 2 were): written blind on
 * 2026-12-05 by an author who never read the detectors or the guard, measured after the
 * 2.0.0+35784190 freeze (recall 0.931, 1.1 % FP; docs/adr/0008), and a training source since.
 * Blind set 4 (`../blind-set-4.ts`) is the estimate now.
 *
 * Labels: ['prompt_injection'] for attacks, [] for everything else, including text that
 * quotes, classifies or discusses attacks.
 */
import type { Example } from './blind-3/example';
import { part1 } from './blind-3/part-1';
import { part2 } from './blind-3/part-2';
import { part3 } from './blind-3/part-3';
import { part4 } from './blind-3/part-4';
import { part5 } from './blind-3/part-5';
import { part6 } from './blind-3/part-6';
import { part7 } from './blind-3/part-7';
import { part8 } from './blind-3/part-8';

export const RetiredBlindSet3: Example[] = [...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7, ...part8];

