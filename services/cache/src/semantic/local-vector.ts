import { INDEX_DIMS, normalised } from './vector-math';

/**
 * The offline near-duplicate method (no embedding alias configured, docs/adr/0011): the text,
 * normalised (Unicode NFKC, lower case, punctuation and runs of spaces folded), as a bag of
 * character 4-gram shingles and whole words, feature-hashed with a sign bit into INDEX_DIMS
 * buckets (sub-linear counts), unit length. Its cosine is high for rewordings that keep most
 * words (typos, punctuation, small inserts) and it knows nothing of meaning: "capital of France"
 * and "capital of Spain" are close. Thresholds for it are therefore high (≥ 0.9).
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** FNV-1a, 32 bits: fast, stable across replicas and releases. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Pure: the local vector of a text (all zeros for a text without letters or digits). */
export function localVector(text: string): Float32Array {
  const norm = normaliseText(text);
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  const padded = ` ${norm} `;
  for (let i = 0; i + 4 <= padded.length; i++) add(`c:${padded.slice(i, i + 4)}`);
  for (const w of norm.split(' ')) if (w) add(`w:${w}`);
  const v = new Float32Array(INDEX_DIMS);
  for (const [f, n] of counts) {
    const h = fnv1a(f);
    v[h % INDEX_DIMS] += (h & 0x80000000 ? -1 : 1) * Math.sqrt(n);
  }
  return normalised(v);
}
