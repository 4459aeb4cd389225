/**
 * Blind evaluation set 2 for Gatehouse's prompt-injection firewall.
 *
 * Written blind on 2026-12-05 by an author who never read the detectors or the guard
 * (nor earlier evaluation sets). It is a one-time estimate of how well the firewall
 * generalises: NEVER use it for tuning thresholds, rules or training data, and report
 * aggregates only (never individual examples), so it stays blind.
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

export type { Example } from './blind-2/example';

export const BlindSet2: Example[] = [...part1, ...part2, ...part3, ...part4, ...part5, ...part6, ...part7, ...part8, ...part9];

/** id → category; ids are b2-<category>-<n>, so the category is everything between. */
export const BlindSet2Category: Record<string, string> = Object.fromEntries(
  BlindSet2.map((e) => [e.id, e.id.slice(3, e.id.lastIndexOf('-'))]),
);
