/**
 * Blind evaluation set 5 for the prompt-injection detector.
 *
 * Written on 2026-12-05 by a helper session working blind: its author did not read the detectors,
 * the guard service, the other evaluation sets or their examples, or the docs and benchmarks.
 * It is meant to be scored once, after the detector is frozen, and reported as aggregates only
 * (per-category counts and rates); do not quote, inspect or tune against individual examples.
 *
 * Labels: ['prompt_injection'] for attacks, [] for everything else, including text that
 * quotes, translates, classifies or discusses attacks.
 */
import type { Example } from './blind-5/example';
import { part1 } from './blind-5/part-1';
import { part2 } from './blind-5/part-2';
import { part3 } from './blind-5/part-3';
import { part4 } from './blind-5/part-4';
import { part5 } from './blind-5/part-5';
import { part6 } from './blind-5/part-6';
import { part7 } from './blind-5/part-7';
import { part8 } from './blind-5/part-8';
import { part9 } from './blind-5/part-9';

export type { Example } from './blind-5/example';

export const BlindSet5: Example[] = [
  ...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7, ...part8, ...part9,
];

/** Example id -> category (the part of `b5-<category>-<n>` between the prefix and the number). */
export const BlindSet5Category: Record<string, string> = Object.fromEntries(
  BlindSet5.map((e) => [e.id, e.id.replace(/^b5-/, '').replace(/-\d+$/, '')]),
);
