import { RuleIndex } from './rule-index';
import type { DetectContext, Hit, Span } from '../types';

/** One cue of an attack: a regex (global, case-insensitive) over normalized text and how strongly it signals. */
export interface Rule {
  id: string;
  /** Lowercase strings a match starts with: the regex is tried only where one occurs (fast on long prompts). */
  anchors: readonly string[];
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

/** Inside a fenced code block: an odd number of ``` fences before the offset. */
function inCode(text: string, at: number): boolean {
  let n = 0;
  for (let i = text.indexOf('```'); i !== -1 && i < at; i = text.indexOf('```', i + 3)) n++;
  return n % 2 === 1;
}

/**
 * Pure: the combined score of the rules that match `text` (1 − Π(1 − wᵢ), one term per rule),
 * with the origin's weighting: cues addressed to the AI count more in tool results and context;
 * a match quoted inside a security discussion counts less; a negated one not at all.
 */
const sticky = new WeakMap<Rule, RegExp>();
const indexes = new WeakMap<readonly Rule[], RuleIndex>();
/** The last texts indexed: the three injection detectors share one pass per text (and its variants). */
const memo: { text: string; index: RuleIndex; where: Map<Rule, number[]> | null }[] = [];
const MEMO_SIZE = 6;

function anchorsOf(rules: readonly Rule[], text: string, shared?: RuleIndex): Map<Rule, number[]> | null {
  let index = shared ?? indexes.get(rules);
  if (!index) indexes.set(rules, (index = new RuleIndex(rules)));
  const hit = memo.find((m) => m.text === text && m.index === index);
  if (hit) return hit.where;
  const lowered = text.toLowerCase();
  // Lowercasing changes the length of a few characters (İ); offsets would drift, so scan it all then.
  const where = lowered.length === text.length ? index.positions(lowered) : null;
  memo.push({ text, index, where });
  if (memo.length > MEMO_SIZE) memo.shift();
  return where;
}

/** The rule's matches, tried at its anchors with a sticky copy of its regex (whole-text scan as a fallback). */
function* matches(rule: Rule, text: string, at: readonly number[] | null): Generator<RegExpExecArray> {
  if (at === null) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (m[0].length === 0) rule.re.lastIndex++;
      else yield m;
    }
    return;
  }
  let re = sticky.get(rule);
  if (!re) sticky.set(rule, (re = new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y')));
  let end = -1;
  for (const p of at) {
    if (p < end) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m && m[0].length > 0) {
      end = p + m[0].length;
      yield m;
    }
  }
}

export function scoreRules(rules: readonly Rule[], text: string, ctx: DetectContext, shared?: RuleIndex): Hit | null {
  // One entry per matched stretch of text: two rules on the same words (English `ignore … instructions`
  // is also French) are one cue, not two independent ones.
  const entries: { span: Span; weight: number; rule: string }[] = [];
  let meta: boolean | null = null;
  const where = anchorsOf(rules, text, shared);
  for (const rule of rules) {
    const at = where ? (where.get(rule) ?? null) : null;
    if (where && !at) continue;
    for (const m of matches(rule, text, at)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (rule.negatable && NEGATION.test(before)) continue;
      let w = rule.weight;
      if (rule.indirect && (ctx.origin === 'tool' || ctx.origin === 'context')) w = Math.min(0.97, w + 0.35);
      if (QUOTE_BEFORE.test(before)) {
        meta ??= META.test(text);
        if (meta) w *= 0.35;
      }
      if (ctx.origin === 'system') w *= 0.6;
      if (inCode(text, m.index)) w *= 0.5; // a comment in a code block is rarely addressed to the model
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
