import { INDEX_DIMS } from './vector-math';

export interface IndexHit {
  id: string;
  score: number;
}

export interface VectorIndexOptions {
  /** Rows at which the flat scan becomes an inverted file (IVF). */
  trainAt?: number;
  /** IVF cells (centroids). */
  cells?: number;
  /** Cells scanned per query, nearest centroids first. */
  probes?: number;
}

const D = INDEX_DIMS;

/**
 * An in-memory cosine index of unit vectors (docs/adr/0011): a flat scan while small, then an
 * inverted file — `cells` centroids sampled from the rows (no training loop: one pass to assign),
 * each query scans the rows of its `probes` nearest cells. Rows are never moved between cells; a
 * removed or expired row is skipped and dropped at the next compaction. Not thread-shared: each
 * cache replica builds its own from the KV bucket's watch.
 */
export class VectorIndex {
  private data = new Float32Array(1024 * D);
  private ids: (string | null)[] = [];
  private expires = new Float64Array(1024);
  private cellOf = new Int32Array(1024);
  private readonly byId = new Map<string, number>();
  private centroids: Float32Array | null = null;
  private cells: Int32Array[] = [];
  private cellLen: number[] = [];
  private dead = 0;
  private readonly trainAt: number;
  private readonly cellCount: number;
  private readonly probes: number;

  constructor(opts: VectorIndexOptions = {}) {
    this.trainAt = opts.trainAt ?? 2048;
    this.cellCount = opts.cells ?? 512;
    this.probes = opts.probes ?? 16;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds (or replaces) a unit vector of INDEX_DIMS; `expiresAt` in ms since the epoch. */
  add(id: string, vec: Float32Array, expiresAt: number): void {
    if (vec.length !== D) throw new RangeError(`index vectors have ${D} dimensions, got ${vec.length}`);
    this.remove(id);
    const row = this.ids.length;
    this.grow(row + 1);
    this.data.set(vec, row * D);
    this.ids.push(id);
    this.expires[row] = expiresAt;
    this.byId.set(id, row);
    if (this.centroids) this.assign(row);
    else if (this.byId.size >= this.trainAt) this.train();
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (row === undefined) return;
    this.byId.delete(id);
    this.ids[row] = null;
    if (++this.dead > 1024 && this.dead > this.byId.size) this.compact();
  }

  /** The live rows with cosine ≥ `minScore`, best first, at most `limit`. */
  search(q: Float32Array, minScore: number, limit: number, now: number): IndexHit[] {
    const hits: IndexHit[] = [];
    if (!this.centroids) {
      this.scan(q, null, this.ids.length, minScore, now, hits);
    } else {
      for (const c of this.nearestCells(q, this.probes)) this.scan(q, this.cells[c], this.cellLen[c], minScore, now, hits);
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The hot loop: locals only, no closures (V8 keeps it in registers). */
  private scan(q: Float32Array, rows: Int32Array | null, n: number, minScore: number, now: number, hits: IndexHit[]): void {
    const data = this.data;
    const ids = this.ids;
    const expires = this.expires;
    for (let i = 0; i < n; i++) {
      const row = rows === null ? i : rows[i];
      const base = row * D;
      let s = 0;
      for (let j = 0; j < D; j++) s += q[j] * data[base + j];
      if (s < minScore) continue;
      const id = ids[row];
      if (id !== null && expires[row] > now) hits.push({ id, score: s });
    }
  }

  /** Drops expired rows (the KV bucket does not announce expiry). */
  prune(now: number): number {
    let n = 0;
    for (const [id, row] of this.byId) if (this.expires[row] <= now) (this.remove(id), n++);
    return n;
  }

  private nearestCells(q: Float32Array, k: number): number[] {
    const cents = this.centroids!;
    const n = this.cellCount;
    const best: { c: number; s: number }[] = [];
    for (let c = 0; c < n; c++) {
      let s = 0;
      const base = c * D;
      for (let j = 0; j < D; j++) s += q[j] * cents[base + j];
      if (best.length === k && s <= best[0].s) continue;
      if (best.length < k) {
        best.push({ c, s });
        if (best.length === k) best.sort((a, b) => a.s - b.s);
      } else if (s > best[0].s) {
        best[0] = { c, s };
        for (let i = 0; i + 1 < k && best[i].s > best[i + 1].s; i++) [best[i], best[i + 1]] = [best[i + 1], best[i]];
      }
    }
    return best.map((b) => b.c);
  }

  /** Centroids: live rows at an even stride (they follow the data's density), then assign all. */
  private train(): void {
    const live = [...this.byId.values()];
    const n = Math.min(this.cellCount, live.length);
    const cents = new Float32Array(this.cellCount * D);
    for (let c = 0; c < n; c++) {
      const row = live[Math.floor((c * live.length) / n)];
      cents.set(this.data.subarray(row * D, (row + 1) * D), c * D);
    }
    this.centroids = cents;
    this.cells = Array.from({ length: this.cellCount }, () => new Int32Array(16));
    this.cellLen = new Array<number>(this.cellCount).fill(0);
    for (const row of live) this.assign(row);
  }

  private assign(row: number): void {
    const [c] = this.nearestCells(this.data.subarray(row * D, (row + 1) * D), 1);
    this.cellOf[row] = c;
    this.pushToCell(c, row);
  }

  private pushToCell(c: number, row: number): void {
    if (this.cellLen[c] === this.cells[c].length) {
      const bigger = new Int32Array(this.cells[c].length * 2);
      bigger.set(this.cells[c]);
      this.cells[c] = bigger;
    }
    this.cells[c][this.cellLen[c]++] = row;
  }

  /** Rewrites live rows contiguously; cells are kept (rows keep the cell they were given). */
  private compact(): void {
    const live = [...this.byId.entries()].sort((a, b) => a[1] - b[1]);
    const data = new Float32Array(Math.max(1024, live.length * 2) * D);
    const expires = new Float64Array(data.length / D);
    const cellOf = new Int32Array(data.length / D);
    const ids: (string | null)[] = [];
    if (this.centroids) this.cellLen.fill(0);
    live.forEach(([id, old], row) => {
      data.set(this.data.subarray(old * D, (old + 1) * D), row * D);
      expires[row] = this.expires[old];
      cellOf[row] = this.cellOf[old];
      ids.push(id);
      this.byId.set(id, row);
      if (this.centroids) this.pushToCell(cellOf[row], row);
    });
    this.data = data;
    this.expires = expires;
    this.cellOf = cellOf;
    this.ids = ids;
    this.dead = 0;
  }

  private grow(rows: number): void {
    if (rows * D <= this.data.length) return;
    const cap = Math.max(rows, (this.data.length / D) * 2);
    const data = new Float32Array(cap * D);
    data.set(this.data);
    const expires = new Float64Array(cap);
    expires.set(this.expires);
    const cellOf = new Int32Array(cap);
    cellOf.set(this.cellOf);
    this.data = data;
    this.expires = expires;
    this.cellOf = cellOf;
  }
}
