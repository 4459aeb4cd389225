import type { DetectContext, Detector, Hit } from '../types';
import { injectionClassifier, type InjectionClassifier } from './classifier/classifier';
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

/**
 * Pure: the stronger of the two readings. The classifier's spans and reason (`classifier`) join
 * the rules' only when it fires itself (≥ 0.5); alone, its low scores stay visible to policies
 * with a lower `min_score`.
 */
export function combineHits(rules: Hit | null, model: Hit | null): Hit | null {
  if (!rules || !model) return rules ?? model;
  if (model.score < 0.5) return rules;
  return { score: Math.max(rules.score, model.score), spans: [...rules.spans, ...model.spans], reasons: [...rules.reasons, ...model.reasons] };
}

/** The override rules alone (what `prompt_injection` 1.x was): for evaluation and comparison. */
export const promptInjectionRules = ruleDetector('prompt_injection', '1.0.0', 'INJECTION', OVERRIDE);

/**
 * Attempts to replace the application's instructions, directly or hidden in tool results and
 * documents, in several languages: the rules (known phrasings, exact spans) and the built-in
 * classifier (paraphrases; it also catches persona and prompt-leak wordings the other two
 * detectors' rules miss, reported here as the family's catch-all).
 */
export function promptInjectionWith(classifier: InjectionClassifier): Detector {
  return {
    name: 'prompt_injection',
    version: `2.0.0+${classifier.version.split('+')[1] ?? classifier.version}`,
    kind: 'injection',
    label: 'INJECTION',
    input: 'normalized',
    detect: (text: string, ctx: DetectContext) => combineHits(promptInjectionRules.detect(text, ctx), classifier.detect(text, ctx)),
  };
}

export const promptInjection = promptInjectionWith(injectionClassifier);

/** Persona and "mode" jailbreaks: DAN, developer mode, "you have no restrictions". */
export const jailbreak = ruleDetector('jailbreak', '1.0.0', 'JAILBREAK', JAILBREAK_RULES);

/** Attempts to make the model disclose its system prompt or hidden instructions. */
export const systemPromptLeak = ruleDetector('system_prompt_leak', '1.0.0', 'PROMPT_LEAK', LEAK_RULES);
