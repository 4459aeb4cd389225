import type { DetectContext, Hit, Span } from '../types';

/** One cue of an attack: a regex (global, case-insensitive) over normalized text and how strongly it signals. */
export interface Rule {
  id: string;
  re: RegExp;
  weight: number;
  /** Instructions addressed to "the AI": much stronger inside tool results and retrieved context. */
  indirect?: boolean;
  /** `never reveal your system prompt` is a defence, not an attack: skip matches negated just before. */
  negatable?: boolean;
}

const NEGATION = /\b(?:never|not|don'?t|do not|must not|mustn'?t|shouldn'?t|should not|cannot|can'?t|won'?t|refuse to|no one may|nobody may)\b[^.!?\n]{0,24}$/i;
/** Words of someone talking *about* attacks (a security discussion quoting one). */
const META = /\b(?:prompt injections?|jailbreak(?:s|ing)? (?:attacks?|prompts?|attempts?)|attackers?|adversar(?:y|ial)|for example|e\.g\.|such as|phrases? like|detect(?:s|ed|ing|ion|or)?|classif(?:y|ier|ication)|red[- ]team(?:ing)?|security (?:training|awareness|research)|mitigat(?:e|ion)|payloads?|filters? (?:catch|block))\b/i;
const QUOTE_BEFORE = /["'“”‘’«»`]\s*$/;

/**
 * Pure: the combined score of the rules that match `text` (1 − Π(1 − wᵢ), one term per rule),
 * with the origin's weighting: cues addressed to the AI count more in tool results and context;
 * a match quoted inside a security discussion counts less; a negated one not at all.
 */
export function scoreRules(rules: readonly Rule[], text: string, ctx: DetectContext): Hit | null {
  // One entry per matched stretch of text: two rules on the same words (English `ignore … instructions`
  // is also French) are one cue, not two independent ones.
  const entries: { span: Span; weight: number; rule: string }[] = [];
  let meta: boolean | null = null;
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (rule.negatable && NEGATION.test(before)) continue;
      let w = rule.weight;
      if (rule.indirect && (ctx.origin === 'tool' || ctx.origin === 'context')) w = Math.min(0.97, w + 0.35);
      if (QUOTE_BEFORE.test(before)) {
        meta ??= META.test(text);
        if (meta) w *= 0.35;
      }
      if (ctx.origin === 'system') w *= 0.6;
      const span = { start: m.index, end: m.index + m[0].length };
      const same = entries.find((e) => span.start < e.span.end && e.span.start < span.end);
      if (same) same.weight = Math.max(same.weight, w);
      else entries.push({ span, weight: w, rule: rule.id });
      if (entries.length > 64) break;
    }
  }
  if (entries.length === 0) return null;
  const best = new Map<string, number>();
  for (const e of entries) best.set(e.rule, Math.max(best.get(e.rule) ?? 0, e.weight));
  let keep = 1;
  for (const w of best.values()) keep *= 1 - w;
  return { score: Math.round((1 - keep) * 1000) / 1000, spans: entries.map((e) => e.span), reasons: [...best.keys()] };
}
