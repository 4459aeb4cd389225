import type { DetectContext, Detector, Hit } from '../types';
import { classifierApplies, classifierHit, injectionClassifier, type InjectionClassifier, REPORT_FLOOR, roundScore } from './classifier/classifier';
import type { RuleEvidence } from './classifier/features';
import type { Kind } from './classifier/kinds';
import type { WindowScore } from './classifier/model';
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

/** The rules alone (what the family was before the classifier): for evaluation, training and comparison. */
export const promptInjectionRules = ruleDetector('prompt_injection', '1.0.0', 'INJECTION', OVERRIDE);
export const jailbreakRules = ruleDetector('jailbreak', '1.0.0', 'JAILBREAK', JAILBREAK_RULES);
export const systemPromptLeakRules = ruleDetector('system_prompt_leak', '1.0.0', 'PROMPT_LEAK', LEAK_RULES);
const RULE_DETECTORS = [promptInjectionRules, jailbreakRules, systemPromptLeakRules] as const;

/** The three rule detectors' hits on one text, in `RULE_DETECTORS` order. */
export type RuleHits = readonly (Hit | null)[];

export function ruleHitsOf(text: string, ctx: DetectContext): RuleHits {
  return RULE_DETECTORS.map((d) => d.detect(text, ctx));
}

/** A rule's match at full strength, not discounted as quoted, in code or in the operator's text. */
const STRONG = 0.75;

/**
 * Pure: the rules' hits as the classifier's evidence: each detector and each rule id, as a strong
 * or a weak match (a quoted attack in a security discussion is a weak one), so the model can learn
 * a different weight for each rather than one slope over the score.
 */
export function evidenceOf(hits: RuleHits): RuleEvidence[] {
  const out: RuleEvidence[] = [];
  hits.forEach((h, i) => {
    if (!h) return;
    const strength = h.score >= STRONG ? ':strong' : ':weak';
    out.push({ id: RULE_DETECTORS[i].name + strength, score: 1 });
    for (const r of h.reasons) out.push({ id: r + strength, score: 1 });
  });
  return out;
}

const MEMO_SIZE = 8;

/**
 * Pure: one detector's answer from its rules' hit and the family's probability (the classifier
 * given every rule's evidence; null where it does not apply, as on the operator's system text).
 * With a probability, it decides: a rule's match that the model reads as benign in its context
 * (a quoted attack, "new task:" at work) is reported with the model's low score, under the
 * threshold. `catchAll` also fires on the probability alone: paraphrases and persona or leak
 * wordings no rule knows (from the classifier's report floor).
 */
export function fuse(rules: Hit | null, p: WindowScore | null, catchAll: boolean): Hit | null {
  if (!p) return rules;
  if (!rules) return catchAll ? classifierHit(p) : null;
  return { score: roundScore(p.probability), spans: rules.spans, reasons: p.probability >= 0.5 ? [...rules.reasons, 'classifier'] : rules.reasons };
}

interface Reading {
  text: string;
  origin: string;
  hits: RuleHits;
  p: WindowScore | null;
  /** Asked only when a detector without a rule match may report the probability alone. */
  kind?: Kind;
}

/**
 * The injection family over one classifier: the three detectors share one rule pass and one
 * classifier score per text (the engine asks them in turn, variant by variant). A score no rule
 * explains is reported by `prompt_injection`, the family's umbrella (a policy on it covers every
 * attack, as before the kinds), and also by `jailbreak` or `system_prompt_leak` when the kind
 * heads read the best window as one (`kinds.ts`), so a policy on those sees their attacks.
 */
export function injectionFamily(classifier: InjectionClassifier): [Detector, Detector, Detector] {
  // The engine asks each detector about every variant of a unit before the next detector: keep
  // the readings of the last few texts, not just the last one.
  const memo: Reading[] = [];
  const read = (text: string, ctx: DetectContext): Reading => {
    let r = memo.find((m) => m.text === text && m.origin === ctx.origin);
    if (!r) {
      const hits = ruleHitsOf(text, ctx);
      r = { text, origin: ctx.origin, hits, p: classifierApplies(ctx) ? classifier.score(text, ctx, evidenceOf(hits)) : null };
      memo.push(r);
      if (memo.length > MEMO_SIZE) memo.shift();
    }
    return r;
  };
  const kindOf = (r: Reading, ctx: DetectContext): Kind => (r.kind ??= classifier.kind(r.text.slice(r.p!.span.start, r.p!.span.end), ctx, evidenceOf(r.hits)));
  const hash = classifier.version.split('+')[1] ?? classifier.version;
  const member = (i: number, version: string): Detector => ({
    ...RULE_DETECTORS[i],
    version: `${version}+${hash}`,
    detect: (text, ctx) => {
      const r = read(text, ctx);
      if (i === 0) return fuse(r.hits[0], r.p, true);
      const mayReportAlone = !r.hits[i] && r.p !== null && r.p.probability >= REPORT_FLOOR;
      return fuse(r.hits[i], r.p, mayReportAlone && kindOf(r, ctx) === RULE_DETECTORS[i].name);
    },
  });
  return [
    // Attempts to replace the application's instructions, directly or hidden in tool results and documents.
    member(0, '3.1.0'),
    // Persona and "mode" jailbreaks: DAN, developer mode, "you have no restrictions".
    member(1, '3.0.0'),
    // Attempts to make the model disclose its system prompt or hidden instructions.
    member(2, '3.0.0'),
  ];
}

export const [promptInjection, jailbreak, systemPromptLeak] = injectionFamily(injectionClassifier);
