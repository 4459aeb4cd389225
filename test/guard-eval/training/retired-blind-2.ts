/**
 * Blind evaluation set 2, retired into training (as blind set 1 was): written blind on 2026-12-05
 * by an author who never read the detectors or the guard, measured once after the 2.0.0+8425ed74
 * freeze (recall 0.925, 0.6 % FP; docs/adr/0008), and a training source since. Blind set 3
 * (`../blind-set-3.ts`) is the estimate now.
 *
 * Label: ['prompt_injection'] for any attack (direct injection, jailbreak/persona,
 * system-prompt extraction, or tool/context text that tries to make the model act for a
 * third party); [] for everything else, including text that discusses or quotes attacks.
 */
import type { Example } from './blind-2/example';
import { part1 } from './blind-2/part-1';
import { part2 } from './blind-2/part-2';
import { part3 } from './blind-2/part-3';
import { part4 } from './blind-2/part-4';
import { part5 } from './blind-2/part-5';
import { part6 } from './blind-2/part-6';
import { part7 } from './blind-2/part-7';
import { part8 } from './blind-2/part-8';
import { part9 } from './blind-2/part-9';

export const RetiredBlindSet2: Example[] = [...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7, ...part8, ...part9];

