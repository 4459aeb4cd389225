import type { Span } from '../../types';
import { classLogit, DIM, extract, Features, isIndirect, lengthFeature, originFeature, type RuleEvidence, ruleFeature } from './features';

/** A trained linear model over the hashed features (see `train.ts`; weights in `weights.ts`). */
export interface LinearModel {
  version: string;
  /** Already shifted so that a probability of 0.5 is the chosen operating threshold. */
  bias: number;
  /** Weights as int8 × `scale`: 128 KiB (2¹⁷ buckets: fewer collisions paid off on 11k examples), in L2 cache while a long prompt is scored. */
  q: Int8Array;
  scale: number;
}

/** Pure: a model from trained float weights (quantized exactly as the committed file is). */
export function quantize(weights: ArrayLike<number>, bias: number, version: string): LinearModel {
  const { base64, scale } = encodeWeights(weights);
  return { version, bias, scale, q: decodeWeights(base64) };
}

/** Words per block; a window is two consecutive blocks, so windows overlap by half. */
const BLOCK_WORDS = 32;

export interface WindowScore {
  probability: number;
  span: Span;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Reused across calls: scanning is synchronous, one text at a time. */
const shared = new Features();
const SHARED_MAX = 256 * 1024;
/** A clause shorter than this is not scored alone ("Hey assistant," says little by itself). */
const MIN_SENTENCE_WORDS = 4;

/** The logit of words [a, b) without bias and origin: their n-grams over √n, plus their classes. */
function segmentLogit(f: Features, a: number, b: number, indirect: boolean, m: LinearModel): number {
  let sum = 0;
  let mask = 0;
  for (let x = a; x < b; x++) {
    sum += f.wordSum[x];
    mask |= f.wordClass[x];
  }
  return (sum * m.scale) / Math.sqrt(f.wordFeat[b] - f.wordFeat[a]) + classLogit(mask, indirect, m.q, m.scale) + m.q[lengthFeature(b - a)] * m.scale;
}

/**
 * Pure (given the model): the highest probability over windows of 64 words sliding by 32 (one
 * window when the text is shorter) and over its sentences, with the offsets in `text` of the
 * best. A long benign document cannot dilute one injected sentence; the cost stays linear. The
 * rules' evidence is about the whole text: it adds to every window alike.
 */
export function scoreText(model: LinearModel, text: string, origin: string, evidence: readonly RuleEvidence[] = []): WindowScore | null {
  // A huge text gets buffers of its own, so they are not kept alive after it.
  const f = extract(text, isIndirect(origin), text.length <= SHARED_MAX ? shared : new Features(), model.q);
  if (f.n === 0) return null;
  const wordSentence = f.wordSentence;
  const indirect = isIndirect(origin);
  let base = model.bias + model.q[originFeature(origin)] * model.scale;
  for (const e of evidence) base += model.q[ruleFeature(e.id)] * model.scale * e.score;
  let best = -Infinity;
  let first = 0;
  let end = f.words;
  if (f.words <= 2 * BLOCK_WORDS) best = segmentLogit(f, 0, f.words, indirect, model);
  else {
    for (let a = 0; a + BLOCK_WORDS < f.words; a += BLOCK_WORDS) {
      const b = Math.min(f.words, a + 2 * BLOCK_WORDS);
      const z = segmentLogit(f, a, b, indirect, model);
      if (z > best) [best, first, end] = [z, a, b];
    }
  }
  // Each sentence on its own too.
  if (f.sentences > 1 && f.words > 2 * BLOCK_WORDS) {
    for (let a = 0; a < f.words; ) {
      let b = a + 1;
      while (b < f.words && wordSentence[b] === wordSentence[a]) b++;
      if (b - a >= MIN_SENTENCE_WORDS) {
        const z = segmentLogit(f, a, b, indirect, model);
        if (z > best) [best, first, end] = [z, a, b];
      }
      a = b;
    }
  }
  best += base;
  const span = f.offsetsExact ? { start: f.wordStart[first], end: f.wordEnd[end - 1] } : { start: 0, end: text.length };
  return { probability: sigmoid(best), span };
}

/** Pure: the score of one sparse vector (training and tests; `vectorOf` builds it). */
export function scoreVector(weights: ArrayLike<number>, bias: number, v: Map<number, number>): number {
  let z = bias;
  for (const [i, x] of v) z += weights[i] * x;
  return sigmoid(z);
}

/** Weights are committed as int8 (a scale per model) in base64: 128 KiB for 2¹⁷ buckets. */
export function decodeWeights(base64: string, buckets = DIM): Int8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== buckets) throw new Error(`classifier weights: expected ${buckets} buckets, got ${bytes.length}`);
  return Int8Array.from(bytes, (b) => (b << 24) >> 24);
}

export function encodeWeights(weights: ArrayLike<number>): { base64: string; scale: number } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = Buffer.alloc(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i] / scale) & 0xff;
  return { base64: bytes.toString('base64'), scale };
}
