/**
 * Blind evaluation set 3 for the prompt-injection detector.
 *
 * Written on 2026-12-05 by a helper session working blind: its author did not read the detectors,
 * the guard service, the other evaluation sets or their examples, or the docs and benchmarks.
 * It is meant to be scored once, after the detector is frozen, and reported as aggregates only
 * (per-category counts and rates); do not quote, inspect or tune against individual examples.
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

export type { Example } from './blind-3/example';

export const BlindSet3: Example[] = [...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7, ...part8];

/** Example id -> category (the part of `b3-<category>-<n>` between the prefix and the number). */
export const BlindSet3Category: Record<string, string> = Object.fromEntries(
  BlindSet3.map((e) => [e.id, e.id.replace(/^b3-/, '').replace(/-\d+$/, '')]),
);
