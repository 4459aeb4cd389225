import type { DetectContext, Hit } from '../../types';
import type { RuleEvidence } from './features';
import { type Kind, KIND_DIM, type KindHead, kindOf } from './kinds';
import { decodeWeights, type LinearModel, scoreText, type WindowScore } from './model';
import { ClassifierWeights } from './weights';

/**
 * A small statistical scorer for the injection family, trained offline on the examples in
 * `test/guard-eval/training/` by `test/guard-eval/train.ts`. Rules know phrasings; this
 * generalises over paraphrase and weighs the rules' matches in their context. The operator's own
 * system prompt is not scored (it is full of "never reveal …" and "you are …"), nor is output.
 */
export interface InjectionClassifier {
  readonly name: string;
  readonly version: string;
  /** The probability of an attack (0.5 is the operating threshold), or null where it does not apply. */
  score(text: string, ctx: DetectContext, evidence?: readonly RuleEvidence[]): WindowScore | null;
  detect(text: string, ctx: DetectContext, evidence?: readonly RuleEvidence[]): Hit | null;
  /** Which kind of attack a text is, once the family reports it (`kinds.ts`). */
  kind(text: string, ctx: DetectContext, evidence?: readonly RuleEvidence[]): Kind;
}

/** Below this the classifier reports nothing (every benign text has some small probability). */
export const REPORT_FLOOR = 0.25;

export const classifierApplies = (ctx: DetectContext) => ctx.origin !== 'system' && ctx.origin !== 'output';

/** A probability as findings report it (three decimals). */
export const roundScore = (p: number) => Math.round(p * 1000) / 1000;

/** Pure: the classifier's own finding for a score: none below the report floor, reason `classifier`. */
export function classifierHit(s: WindowScore | null): Hit | null {
  if (!s || s.probability < REPORT_FLOOR) return null;
  return { score: roundScore(s.probability), spans: [s.span], reasons: ['classifier'] };
}

/** Without kind heads every attack is `prompt_injection` (the held-out fits in training need no heads). */
export function classifierFrom(model: LinearModel | (() => LinearModel), version: string, heads: readonly KindHead[] | (() => readonly KindHead[]) = [], name = 'injection_classifier'): InjectionClassifier {
  let loaded: LinearModel | null = typeof model === 'function' ? null : model;
  let kindHeads: readonly KindHead[] | null = typeof heads === 'function' ? null : heads;
  const score = (text: string, ctx: DetectContext, evidence: readonly RuleEvidence[] = []) => {
    if (!classifierApplies(ctx)) return null;
    loaded ??= (model as () => LinearModel)();
    return scoreText(loaded, text, ctx.origin, evidence);
  };
  return {
    name,
    version,
    score,
    detect: (text, ctx, evidence) => classifierHit(score(text, ctx, evidence)),
    kind: (text, ctx, evidence) => kindOf((kindHeads ??= (heads as () => readonly KindHead[])()), text, ctx.origin, evidence),
  };
}

/** The committed model, decoded on first use (the training script loads this module without it). */
export function builtInModel(): LinearModel {
  return { version: ClassifierWeights.version, bias: ClassifierWeights.bias, scale: ClassifierWeights.scale, q: decodeWeights(ClassifierWeights.base64.join('')) };
}

/** The committed kind heads, decoded on first use. */
export function builtInKindHeads(): KindHead[] {
  return ClassifierWeights.kinds.map((h) => ({ kind: h.kind as Kind, bias: h.bias, scale: h.scale, q: decodeWeights(h.base64.join(''), KIND_DIM) }));
}

export const injectionClassifier: InjectionClassifier = classifierFrom(builtInModel, ClassifierWeights.version, builtInKindHeads);
