/** Dimensions of every vector in the in-memory index (larger embeddings are projected down). */
export const INDEX_DIMS = 256;

/** Pure: the dot product of two equally long vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Pure: cosine similarity (0 when either vector is zero or the lengths differ). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  const n = Math.sqrt(dot(a, a) * dot(b, b));
  return n === 0 ? 0 : dot(a, b) / n;
}

/** Pure: a unit-length copy (a zero vector stays zero). */
export function normalised(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  const n = Math.sqrt(dot(out, out));
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] /= n;
  return out;
}

/** mulberry32: a tiny seeded PRNG, so every replica builds the same projection. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const projections = new Map<number, Float32Array>();

/** A fixed Gaussian (Johnson–Lindenstrauss) matrix `inDims × INDEX_DIMS`, seeded by `inDims`. */
function projection(inDims: number): Float32Array {
  let m = projections.get(inDims);
  if (!m) {
    const rnd = prng(0x9e3779b9 ^ inDims);
    m = new Float32Array(inDims * INDEX_DIMS);
    for (let i = 0; i < m.length; i += 2) {
      // Box–Muller: two standard normals per pair of uniforms.
      const r = Math.sqrt(-2 * Math.log(rnd() || 1e-12));
      const th = 2 * Math.PI * rnd();
      m[i] = r * Math.cos(th);
      if (i + 1 < m.length) m[i + 1] = r * Math.sin(th);
    }
    projections.set(inDims, m);
  }
  return m;
}

/**
 * Pure: the unit vector the index keeps for an embedding. Up to INDEX_DIMS it is the embedding
 * (zero-padded); above, a random projection that keeps cosines within about ±(1−c²)/16, which
 * is why a candidate's final similarity is computed on the full stored embedding.
 */
export function toIndexVector(v: ArrayLike<number>): Float32Array {
  if (v.length <= INDEX_DIMS) {
    const out = new Float32Array(INDEX_DIMS);
    out.set(Array.from(v));
    return normalised(out);
  }
  const m = projection(v.length);
  const out = new Float32Array(INDEX_DIMS);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === 0) continue;
    const row = i * INDEX_DIMS;
    for (let j = 0; j < INDEX_DIMS; j++) out[j] += x * m[row + j];
  }
  return normalised(out);
}

/** Float32 vectors travel and rest as base64 (a quarter of their JSON size). */
export function encodeVector(v: ArrayLike<number>): string {
  return Buffer.from(Float32Array.from(v).buffer).toString('base64');
}

export function decodeVector(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
