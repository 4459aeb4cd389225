/**
 * The classifier's view of a text: hashed word unigrams, word bigrams and character trigrams of
 * the (normalized, lowercased) words, in one pass over the char codes with no string copies.
 * Chinese and Japanese characters are words of their own (no spaces to split on); digits all hash
 * as `0`. Text from tools and retrieved context adds each word once more under an "indirect" tag,
 * so the model can learn that "assistant, send …" means more there than in a user's message.
 */
import { CLASS_NAMES, WordClasses } from './lexicon';

export const HASH_BITS = 17;
export const DIM = 1 << HASH_BITS;
const EMPTY = new Int8Array(0);
const digitFold = (c: number) => (c >= 48 && c <= 57 ? 48 : c);
/** Longer tokens (base64, URLs, hashes) get no character n-grams: noise, and slow. */
const MAX_GRAM_WORD = 24;

const TAG_UNI = 0x1b873593;
const TAG_BI = 0x5bd1e995;
const TAG_TRI = 0x27d4eb2f;
const TAG_IND = 0x165667b1;
const TAG_ORIGIN = 0x3c6ef372;
const TAG_CLASS = 0x7f4a7c15;
const TAG_QUOTED = 0x2545f491;
const TAG_RULE = 0x61c88647;
const TAG_SEQ = 0x4cf5ad43;
const FNV = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Word hash (as `extract` computes it) → bit mask of its classes: open addressing, no Map on the hot
 * loop. The lexicon holds about 4,200 words in some forty languages: 16384 slots keep it a quarter full.
 */
const CLASS_SLOTS = 16384;
const classKeys = new Int32Array(CLASS_SLOTS);
const classMasks = new Int32Array(CLASS_SLOTS);
const classUsed = new Uint8Array(CLASS_SLOTS);
const slotOf = (h: number) => Math.imul(h, 0x9e3779b1) >>> 18;

function classOf(h: number): number {
  for (let i = slotOf(h); classUsed[i]; i = (i + 1) & (CLASS_SLOTS - 1)) if (classKeys[i] === h) return classMasks[i];
  return 0;
}

CLASS_NAMES.forEach((name, bit) => {
  for (const word of WordClasses[name].split(' ')) {
    let h = FNV;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ digitFold(word.charCodeAt(i)), FNV_PRIME);
    let i = slotOf(h);
    while (classUsed[i] && classKeys[i] !== h) i = (i + 1) & (CLASS_SLOTS - 1);
    classUsed[i] = 1;
    classKeys[i] = h;
    classMasks[i] |= 1 << bit;
  }
});

/** Murmur3's finalizer, keeping the top HASH_BITS bits as a bucket index. */
function bucket(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> (32 - HASH_BITS);
}

const SEP = 0;
const WORD = 1;
const SINGLE = 2;
const BREAK = 3;
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_KIND[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? WORD : c === 46 || c === 33 || c === 63 || c === 59 || c === 58 || c === 10 ? BREAK : SEP;

/** Separator (BREAK: one that ends a sentence or clause), word character, or a character that is a word by itself (CJK ideographs, kana). */
function kindOf(c: number): number {
  if (c < 0x80) return ASCII_KIND[c];
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return SINGLE;
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return BREAK;
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return SEP;
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff)) return SEP;
  if ((c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65)) return SEP;
  return WORD;
}

/**
 * Reusable buffers: the features of one text, grouped by word (`wordFeat[w]` .. `wordFeat[w + 1]`),
 * with each word's offsets, classes and sentence.
 */
export class Features {
  idx = new Int32Array(0);
  n = 0;
  wordFeat = new Int32Array(0);
  wordStart = new Int32Array(0);
  wordEnd = new Int32Array(0);
  /** Bit mask of the word classes of each word (`lexicon.ts`). */
  wordClass = new Int32Array(0);
  /** Ordinal of the sentence (or clause: split at . ! ? ; : and line ends) of each word. */
  wordSentence = new Int32Array(0);
  /** With weights: the sum of each word's feature weights (in the model's int8 units). */
  wordSum = new Float64Array(0);
  words = 0;
  sentences = 0;
  offsetsExact = true;

  /** Room for a text of `len` characters: at most 5 features per character (and one word); indexes only when kept. */
  reserve(len: number, keepIndexes: boolean): void {
    if (keepIndexes && this.idx.length < 5 * len + 16) this.idx = new Int32Array(5 * len + 64);
    if (this.wordStart.length < len + 2) {
      const n = len + 64;
      this.wordFeat = new Int32Array(n + 1);
      this.wordStart = new Int32Array(n);
      this.wordEnd = new Int32Array(n);
      this.wordClass = new Int32Array(n);
      this.wordSentence = new Int32Array(n);
      this.wordSum = new Float64Array(n);
    }
  }
}

const TAG_LENGTH = 0x2f6b2c91;
/** Word counts up to which a segment is in a length class: 1–3, 4–8, 9–16, 17–32, more. */
const LENGTH_CLASSES = [3, 8, 16, 32];
const LENGTH_INDEX = Int32Array.from({ length: LENGTH_CLASSES.length + 1 }, (_, k) => bucket(Math.imul(k + 1, 0x9e3779b1) ^ TAG_LENGTH));
/**
 * The bucket of a segment's length class (value 1, not length-normalized): n-gram sums over √n
 * pull short texts towards the bias, so a three-word order needs a length prior of its own.
 */
export function lengthFeature(words: number): number {
  let k = 0;
  while (k < LENGTH_CLASSES.length && words > LENGTH_CLASSES[k]) k++;
  return LENGTH_INDEX[k];
}

/** The bucket of the per-origin feature (value 1, not length-normalized). */
export function originFeature(origin: string): number {
  let h = TAG_ORIGIN;
  for (let i = 0; i < origin.length; i++) h = Math.imul(h ^ origin.charCodeAt(i), FNV_PRIME);
  return bucket(h);
}

/**
 * Pure (fills `out`): the hashed features of `text`; `indirect` for tool results and retrieved
 * context. Given `weights`, each feature's weight is summed into `out.wordSum` instead of its
 * index being stored (scoring a long prompt without writing and re-reading every feature).
 */
export function extract(text: string, indirect: boolean, out: Features, weights?: Int8Array): Features {
  const s = text.toLowerCase();
  const len = s.length;
  out.reserve(len, weights === undefined);
  const idx = out.idx;
  const wordSum = out.wordSum;
  const score = weights !== undefined;
  const wt = weights ?? EMPTY;
  let sum = 0;
  const { wordFeat, wordStart, wordEnd, wordClass, wordSentence } = out;
  let n = 0;
  let words = 0;
  let sentence = 0;
  let brk = false;
  let prev = 0;
  let prevSingle = -1;
  // The primary classes of the last two class-bearing words of the current clause (-1: the
  // clause's start, -2: words without a class came first, -3: none).
  let seqSentence = -1;
  let seq1 = -3;
  let seq2 = -3;
  // Words inside quotes are mentioned, not said ("a payload like 'ignore …'"): their features
  // carry a tag of their own and they give no word classes. A single quote opens only before a
  // word and after a non-word, and closes after a word: apostrophes (don't) do neither.
  let dq = false;
  let sq = false;
  let quoted = 0;
  let i = 0;
  while (i < len) {
    const c0 = s.charCodeAt(i);
    const k = kindOf(c0);
    if (k === SEP || k === BREAK) {
      if (k === BREAK) brk = true;
      // " and “ toggle (“…” in English, „…“ in German); „ « 「 『 open; ” » 」 』 close.
      if (c0 === 34 || c0 === 0x201c) dq = !dq;
      else if (c0 === 0x201e || c0 === 0xab || c0 === 0x300c || c0 === 0x300e) dq = true;
      else if (c0 === 0x201d || c0 === 0xbb || c0 === 0x300d || c0 === 0x300f) dq = false;
      else if (c0 === 10) dq = sq = false;
      else if (c0 === 39 || c0 === 0x2018 || c0 === 0x2019) {
        const before = i > 0 && kindOf(s.charCodeAt(i - 1)) !== SEP && kindOf(s.charCodeAt(i - 1)) !== BREAK;
        const after = i + 1 < len && kindOf(s.charCodeAt(i + 1)) !== SEP && kindOf(s.charCodeAt(i + 1)) !== BREAK;
        if (!before && after && c0 !== 0x2019) sq = true;
        else if (before && !after) sq = false;
      }
      quoted = dq || sq ? TAG_QUOTED : 0;
      i++;
      continue;
    }
    if (brk && words > 0) sentence++;
    brk = false;
    const start = i;
    let h = FNV;
    if (k === SINGLE) {
      h = Math.imul(h ^ c0, FNV_PRIME);
      i++;
    } else {
      while (i < len) {
        const c = s.charCodeAt(i);
        if ((c < 0x80 ? ASCII_KIND[c] : kindOf(c)) !== WORD) break;
        h = Math.imul(h ^ digitFold(c), FNV_PRIME);
        i++;
      }
    }
    const w = words++;
    wordFeat[w] = n;
    wordStart[w] = start;
    wordEnd[w] = i;
    wordSentence[w] = sentence;
    let cls = classOf(h);
    if (k === SINGLE) {
      // Two-character CJK words: this character and the one just before it.
      if (prevSingle === start - 1) cls |= classOf(Math.imul(Math.imul(FNV ^ s.charCodeAt(start - 1), FNV_PRIME) ^ c0, FNV_PRIME));
      prevSingle = start;
    }
    if (quoted) cls = 0;
    wordClass[w] = cls;
    if (cls !== 0 && k === SINGLE && w > 0) wordClass[w - 1] |= cls;
    let ix = bucket(h ^ TAG_UNI ^ quoted);
    if (score) sum = wt[ix];
    else idx[n] = ix;
    n++;
    if (prev !== 0) {
      ix = bucket(Math.imul(prev, 0x2c1b3c6d) ^ h ^ TAG_BI ^ quoted);
      if (score) sum += wt[ix];
      else idx[n] = ix;
      n++;
    }
    if (indirect) {
      ix = bucket(h ^ TAG_IND ^ quoted);
      if (score) sum += wt[ix];
      else idx[n] = ix;
      n++;
    }
    prev = h;
    if (cls !== 0) {
      // Class sequences within a clause ("override → prior → orders", a clause opening with an
      // override verb): the shape of an order survives a paraphrase that changes every word.
      const c = 31 - Math.clz32(cls & -cls);
      if (seqSentence !== sentence) {
        seqSentence = sentence;
        seq1 = w > 0 && wordSentence[w - 1] === sentence ? -2 : -1;
        seq2 = -3;
      }
      for (let r = 0; r < 2; r++) {
        const p = r === 0 ? seq1 : seq2;
        if (p === -3) break;
        ix = bucket(Math.imul(p + 3, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77) ^ TAG_SEQ);
        if (score) sum += wt[ix];
        else idx[n] = ix;
        n++;
      }
      seq2 = seq1 < 0 ? -3 : seq1;
      seq1 = c;
    }
    if (k === WORD && i - start <= MAX_GRAM_WORD) {
      // Trigrams of the word padded with a space on each side (` ig`, `ign`, …, `re `).
      let a = 32;
      let b = digitFold(c0);
      for (let j = start + 1; j <= i; j++) {
        const c = j < i ? digitFold(s.charCodeAt(j)) : 32;
        ix = Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c ^ TAG_TRI, 0xc2b2ae3d) >>> (32 - HASH_BITS);
        if (score) sum += wt[ix];
        else idx[n] = ix;
        n++;
        a = b;
        b = c;
      }
    }
    if (score) wordSum[w] = sum;
  }
  wordFeat[words] = n;
  // Lowercasing changed the length (`İ` → `i̇`): offsets into `s` are not offsets into `text`.
  out.offsetsExact = len === text.length;
  out.n = n;
  out.words = words;
  out.sentences = words > 0 ? sentence + 1 : 0;
  return out;
}

/**
 * The window-level class features of a set of word classes (a bit mask): one per class present and
 * one per pair present together, each of value 1; tagged again for tool and context text.
 */
const pairIndex = (tag: number) => Int32Array.from({ length: CLASS_NAMES.length ** 2 }, (_, i) => {
  const id = Math.floor(i / CLASS_NAMES.length) * 64 + (i % CLASS_NAMES.length);
  return bucket(Math.imul(id + 1, 0x9e3779b1) ^ TAG_CLASS ^ tag);
});
const CLASS_INDEX = pairIndex(0);
const CLASS_INDEX_INDIRECT = pairIndex(TAG_IND);

/** Small next to the n-grams (whose vector has norm ~1): a hint, not the verdict (chosen by cross-validation). */
export const CLASS_VALUE = 0.2;
export function classFeatures(mask: number, indirect: boolean, emit: (index: number) => void): void {
  for (let a = 0; a < CLASS_NAMES.length; a++) {
    if (!(mask & (1 << a))) continue;
    for (let b = a; b < CLASS_NAMES.length; b++) {
      if (!(mask & (1 << b))) continue;
      emit(CLASS_INDEX[a * CLASS_NAMES.length + b]);
      if (indirect) emit(CLASS_INDEX_INDIRECT[a * CLASS_NAMES.length + b]);
    }
  }
}

/** The same as summing the (int8 × scale) weights over `classFeatures` × CLASS_VALUE, without a callback (the hot path). */
export function classLogit(mask: number, indirect: boolean, weights: Int8Array, scale: number): number {
  let sum = 0;
  const k = CLASS_NAMES.length;
  for (let a = 0; a < k && mask >>> a !== 0; a++) {
    if (!(mask & (1 << a))) continue;
    for (let b = a; b < k; b++) {
      if (!(mask & (1 << b))) continue;
      sum += weights[CLASS_INDEX[a * k + b]];
      if (indirect) sum += weights[CLASS_INDEX_INDIRECT[a * k + b]];
    }
  }
  return sum * scale * CLASS_VALUE;
}

/**
 * What the rules found in the same text, as features of the classifier: one per rule detector
 * and one per rule id, valued at the rules' score. The model learns how much a rule's match
 * means in its context (a quoted attack in a security discussion, a "new task:" at work).
 */
export interface RuleEvidence {
  /** A rule detector's name (`jailbreak`) or a rule id (`leak.reveal_prompt`). */
  id: string;
  score: number;
}

/** The bucket of one piece of rule evidence. */
export function ruleFeature(id: string): number {
  let h = TAG_RULE;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), FNV_PRIME);
  return bucket(h);
}

/**
 * Pure: the sparse vector a model is trained on, for a text short enough to be one window:
 * feature counts over √n, plus the origin feature at 1 and the rules' evidence.
 */
export function vectorOf(text: string, origin: string, evidence: readonly RuleEvidence[] = []): Map<number, number> {
  const f = extract(text, isIndirect(origin), new Features());
  const v = new Map<number, number>();
  const norm = f.n > 0 ? 1 / Math.sqrt(f.n) : 0;
  for (let k = 0; k < f.n; k++) v.set(f.idx[k], (v.get(f.idx[k]) ?? 0) + norm);
  const len = lengthFeature(f.words);
  v.set(len, (v.get(len) ?? 0) + 1);
  const o = originFeature(origin);
  v.set(o, (v.get(o) ?? 0) + 1);
  let mask = 0;
  for (let w = 0; w < f.words; w++) mask |= f.wordClass[w];
  classFeatures(mask, isIndirect(origin), (i) => v.set(i, (v.get(i) ?? 0) + CLASS_VALUE));
  for (const e of evidence) v.set(ruleFeature(e.id), (v.get(ruleFeature(e.id)) ?? 0) + e.score);
  return v;
}

export const isIndirect = (origin: string) => origin === 'tool' || origin === 'context';
