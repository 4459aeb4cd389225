/**
 * The HNSW graph behind a large semantic index (docs/adr/0011): usearch, a native library whose
 * npm package ships prebuilt linux/darwin/windows binaries (no build, no download at install).
 * Cosine metric over int8 cells (a quarter of the memory of float32, SIMD distances); the
 * parameters give recall ≥ 98 % for near duplicates on random 256-dim data, the hardest case.
 */
export interface HnswGraph {
  add(label: number, vec: Float32Array): void;
  remove(label: number): void;
  /** Up to `k` labels, nearest first, with cosine distances (1 − cosine, approximate). */
  search(q: Float32Array, k: number): { labels: number[]; distances: Float32Array };
}

type Usearch = typeof import('usearch');
let lib: Usearch | null | undefined;

/** The library, loaded once; null where its binary cannot load (the index then stays flat). */
function usearch(): Usearch | null {
  if (lib === undefined) {
    try {
      lib = require('usearch') as Usearch;
    } catch (err) {
      process.emitWarning(`usearch unavailable, semantic indexes stay flat scans: ${(err as Error).message}`);
      lib = null;
    }
  }
  return lib;
}

/** A new empty graph of `dims` dimensions, or null without the library. */
export function loadHnsw(dims: number): HnswGraph | null {
  const u = usearch();
  if (!u) return null;
  const index = new u.Index({
    dimensions: dims,
    metric: u.MetricKind.Cos,
    quantization: u.ScalarKind.I8,
    connectivity: 16,
    expansion_add: 48,
    expansion_search: 96,
    multi: false,
  });
  return {
    // One thread: the call is synchronous either way, and the box's other core serves NATS.
    add: (label, vec) => index.add(BigInt(label), vec, 1),
    remove: (label) => void index.remove(BigInt(label)),
    search: (q, k) => {
      const m = index.search(q, k, 1);
      return { labels: Array.from(m.keys, Number), distances: m.distances };
    },
  };
}
