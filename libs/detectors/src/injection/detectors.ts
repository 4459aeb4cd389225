import type { Detector } from '../types';
import { type Rule, scoreRules } from './rule';
import { RuleIndex } from './rule-index';
import { INDIRECT_RULES, JAILBREAK_RULES, LEAK_RULES, OVERRIDE_RULES } from './rules-en';
import { MULTILINGUAL_RULES } from './rules-i18n';

const OVERRIDE = [...OVERRIDE_RULES, ...INDIRECT_RULES, ...MULTILINGUAL_RULES];
/** One index over every rule: the three detectors find their anchors in a single pass per text. */
const ALL = new RuleIndex([...OVERRIDE, ...JAILBREAK_RULES, ...LEAK_RULES]);

function ruleDetector(name: string, version: string, label: string, rules: readonly Rule[]): Detector {
  return { name, version, kind: 'injection', label, input: 'normalized', detect: (text, ctx) => scoreRules(rules, text, ctx, ALL) };
}

/** Attempts to replace the application's instructions, directly or hidden in tool results and documents, in several languages. */
export const promptInjection = ruleDetector('prompt_injection', '1.0.0', 'INJECTION', OVERRIDE);

/** Persona and "mode" jailbreaks: DAN, developer mode, "you have no restrictions". */
export const jailbreak = ruleDetector('jailbreak', '1.0.0', 'JAILBREAK', JAILBREAK_RULES);

/** Attempts to make the model disclose its system prompt or hidden instructions. */
export const systemPromptLeak = ruleDetector('system_prompt_leak', '1.0.0', 'PROMPT_LEAK', LEAK_RULES);
