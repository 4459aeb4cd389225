import { INDEX_DIMS } from './vector-math';
import { type HnswGraph, loadHnsw } from './hnsw';

export interface IndexHit {
  id: string;
  score: number;
}

export interface VectorIndexOptions {
  /** Rows up to which a flat scan answers (an HNSW graph costs ~50 KB even when nearly empty). */
  flatUpTo?: number;
}

const D = INDEX_DIMS;
/** Results asked of the graph beyond `limit`: rows expired but not yet pruned may take places. */
const SLACK = 8;

interface Row {
  id: string;
  expires: number;
  /** Kept while the index is flat; dropped once the row lives in the graph. */
  vec: Float32Array | null;
}

/**
 * An in-memory cosine index of unit vectors (docs/adr/0011): a flat scan while small (most
 * namespace + scope pairs stay small), then an HNSW graph (usearch, SIMD, int8 cells). Scores from
 * the graph are approximate (int8): callers compare their final candidates on the stored vector.
 * Not shared between processes: each cache replica builds its own from the KV bucket's watch.
 */
export class VectorIndex {
  /** Graph label → row; labels are never reused, so a replaced id cannot meet its old vector. */
  private readonly rows = new Map<number, Row>();
  private readonly labelOf = new Map<string, number>();
  private nextLabel = 1;
  private graph: HnswGraph | null = null;
  private readonly flatUpTo: number;

  constructor(opts: VectorIndexOptions = {}) {
    this.flatUpTo = opts.flatUpTo ?? 256;
  }

  get size(): number {
    return this.labelOf.size;
  }

  /** Whether the rows live in an HNSW graph (false: flat scan). */
  get approximate(): boolean {
    return this.graph !== null;
  }

  /** The expiry of a row, or undefined when the id is not in the index. */
  expiresOf(id: string): number | undefined {
    const label = this.labelOf.get(id);
    return label === undefined ? undefined : this.rows.get(label)?.expires;
  }

  /** Adds (or replaces) a unit vector of INDEX_DIMS; `expiresAt` in ms since the epoch. */
  add(id: string, vec: Float32Array, expiresAt: number): void {
    if (vec.length !== D) throw new RangeError(`index vectors have ${D} dimensions, got ${vec.length}`);
    this.remove(id);
    const label = this.nextLabel++;
    this.labelOf.set(id, label);
    if (this.graph) {
      this.graph.add(label, vec);
      this.rows.set(label, { id, expires: expiresAt, vec: null });
      return;
    }
    this.rows.set(label, { id, expires: expiresAt, vec: Float32Array.from(vec) });
    if (this.rows.size > this.flatUpTo) this.promote();
  }

  remove(id: string): void {
    const label = this.labelOf.get(id);
    if (label === undefined) return;
    this.labelOf.delete(id);
    this.rows.delete(label);
    this.graph?.remove(label);
  }

  /** The live rows with cosine ≥ `minScore`, best first, at most `limit`. */
  search(q: Float32Array, minScore: number, limit: number, now: number): IndexHit[] {
    const hits: IndexHit[] = [];
    if (!this.graph) {
      for (const r of this.rows.values()) {
        if (r.expires <= now) continue;
        const v = r.vec!;
        let s = 0;
        for (let j = 0; j < D; j++) s += q[j] * v[j];
        if (s >= minScore) hits.push({ id: r.id, score: s });
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    }
    if (this.rows.size === 0) return hits;
    const found = this.graph.search(q, Math.min(this.rows.size, limit + SLACK));
    for (let i = 0; i < found.labels.length && hits.length < limit; i++) {
      const score = 1 - found.distances[i];
      if (score < minScore) break; // best first
      const r = this.rows.get(found.labels[i]);
      if (r && r.expires > now) hits.push({ id: r.id, score });
    }
    return hits;
  }

  /** Drops expired rows (the KV bucket does not announce expiry). */
  prune(now: number): number {
    let n = 0;
    for (const r of [...this.rows.values()]) if (r.expires <= now) (this.remove(r.id), n++);
    return n;
  }

  /** Moves the rows into an HNSW graph, or stays flat where the native library cannot load. */
  private promote(): void {
    const graph = loadHnsw(D);
    if (!graph) return;
    for (const [label, r] of this.rows) {
      graph.add(label, r.vec!);
      r.vec = null;
    }
    this.graph = graph;
  }
}
