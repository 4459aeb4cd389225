import type { DetectContext, Hit } from '../../types';
import { decodeWeights, type LinearModel, scoreText } from './model';
import { ClassifierWeights } from './weights';

/**
 * A small statistical scorer for the injection family, trained offline on the examples in
 * `test/guard-eval/` (`training-set.ts` and the labelled `injection-set.ts`) by
 * `test/guard-eval/train.ts`. Rules know phrasings; this generalises over paraphrase. The
 * operator's own system prompt is not scored (it is full of "never reveal …" and "you are …").
 */
export interface InjectionClassifier {
  readonly name: string;
  readonly version: string;
  detect(text: string, ctx: DetectContext): Hit | null;
}

/** Below this the classifier reports nothing (every benign text has some small probability). */
const REPORT_FLOOR = 0.25;

export function classifierFrom(model: LinearModel | (() => LinearModel), version: string, name = 'injection_classifier'): InjectionClassifier {
  let loaded: LinearModel | null = typeof model === 'function' ? null : model;
  return {
    name,
    version,
    detect(text, ctx) {
      if (ctx.origin === 'system' || ctx.origin === 'output') return null;
      loaded ??= (model as () => LinearModel)();
      const s = scoreText(loaded, text, ctx.origin);
      if (!s || s.probability < REPORT_FLOOR) return null;
      return { score: Math.round(s.probability * 1000) / 1000, spans: [s.span], reasons: ['classifier'] };
    },
  };
}

/** The committed model, decoded on first use (the training script loads this module without it). */
export function builtInModel(): LinearModel {
  return { version: ClassifierWeights.version, bias: ClassifierWeights.bias, scale: ClassifierWeights.scale, q: decodeWeights(ClassifierWeights.base64.join('')) };
}

export const injectionClassifier: InjectionClassifier = classifierFrom(builtInModel, ClassifierWeights.version);
