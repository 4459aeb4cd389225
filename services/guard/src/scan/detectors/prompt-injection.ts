import type { Detector } from './detector';

/**
 * Rule-based prompt-injection cues: instructions to discard prior instructions, to reveal the
 * system prompt, or to adopt an unrestricted persona. Issue #8 grows this into an engine with
 * obfuscation normalisation and pluggable model scorers.
 */
const RULES: [RegExp, number][] = [
  [/\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|earlier|all)\b.{0,20}\b(instructions?|rules|prompts?|directions)\b/i, 0.95],
  [/\b(reveal|print|show|repeat|output)\b.{0,30}\b(system prompt|hidden (instructions|prompt)|initial instructions)\b/i, 0.9],
  [/\byou are now\b.{0,40}\b(DAN|unrestricted|jailbroken|without (any )?restrictions)\b/i, 0.9],
  [/\b(developer|god) mode\b.{0,20}\b(enabled|on|activated)\b/i, 0.8],
];

export const promptInjection: Detector = {
  name: 'prompt_injection',
  version: '0.1.0',
  scan(text) {
    let best: number | null = null;
    for (const [re, score] of RULES) if (re.test(text) && (best === null || score > best)) best = score;
    return best;
  },
};
