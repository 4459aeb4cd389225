import { localVector, normaliseText } from './local-vector';
import { VectorIndex } from './vector-index';
import { cosine, decodeVector, encodeVector, INDEX_DIMS, normalised, toIndexVector } from './vector-math';

describe('vector math', () => {
  it.each([
    [[1, 0], [1, 0], 1],
    [[1, 0], [0, 1], 0],
    [[1, 1], [-1, -1], -1],
    [[0, 0], [1, 0], 0],
    [[1, 2, 3], [1, 2], 0],
  ])('cosine(%j, %j) = %d', (a, b, c) => expect(cosine(a, b)).toBeCloseTo(c, 6));

  it('round-trips vectors through base64', () => {
    const v = Float32Array.from([0.25, -1.5, 3]);
    expect(Array.from(decodeVector(encodeVector(v)))).toEqual([0.25, -1.5, 3]);
  });

  it('keeps small embeddings and projects large ones, preserving cosine roughly', () => {
    expect(Array.from(toIndexVector([3, 4]).slice(0, 3))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6), 0]);
    const a = normalised(Array.from({ length: 1536 }, (_, i) => Math.sin(i)));
    const noise = normalised(Array.from({ length: 1536 }, (_, i) => Math.cos(i * 7.3)));
    const b = normalised(Array.from(a, (x, i) => x + 0.5 * noise[i]));
    expect(cosine(a, b)).toBeGreaterThan(0.85);
    expect(toIndexVector(a)).toHaveLength(INDEX_DIMS);
    expect(Math.abs(cosine(toIndexVector(a), toIndexVector(b)) - cosine(a, b))).toBeLessThan(0.05);
    expect(Array.from(toIndexVector(a))).toEqual(Array.from(toIndexVector(a)));
  });
});

describe('local near-duplicate vector', () => {
  const sim = (a: string, b: string) => cosine(localVector(a), localVector(b));

  it('normalises case, punctuation and spacing', () => {
    expect(normaliseText('  Hello,   WORLD!! ')).toBe('hello world');
    expect(sim('Hello, world!', 'hello world')).toBeCloseTo(1, 6);
  });

  it.each([
    ['Please summarise the quarterly sales report for the EMEA region.', 'please summarize the quarterly sales report for the EMEA region'],
    ['How do I reset my password on the staff portal?', 'How can I reset my password on the staff portal?'],
  ])('rewordings are near (%s)', (a, b) => expect(sim(a, b)).toBeGreaterThanOrEqual(0.85));

  it.each([
    ['Please summarise the quarterly sales report for the EMEA region.', 'Please summarise the annual hiring plan for the APAC region.'],
    ['How do I reset my password on the staff portal?', 'Write a poem about the sea.'],
  ])('different requests are far (%s)', (a, b) => expect(sim(a, b)).toBeLessThan(0.8));
});

describe('VectorIndex', () => {
  const rnd = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const randomUnit = (r: () => number) => normalised(Array.from({ length: INDEX_DIMS }, r));

  it('finds the nearest rows above the threshold, best first', () => {
    const idx = new VectorIndex();
    const e = (i: number) => normalised(Array.from({ length: INDEX_DIMS }, (_, j) => (j === i ? 1 : 0.01)));
    idx.add('a', e(0), Infinity);
    idx.add('b', e(1), Infinity);
    expect(idx.search(e(0), 0.9, 5, 0)).toEqual([{ id: 'a', score: expect.closeTo(1, 5) }]);
    expect(idx.search(e(2), 0.9, 5, 0)).toEqual([]);
  });

  it('skips removed and expired rows and replaces an id', () => {
    const idx = new VectorIndex();
    const r = rnd(7);
    const v = randomUnit(r);
    idx.add('x', v, 1000);
    expect(idx.search(v, 0.99, 1, 999)).toHaveLength(1);
    expect(idx.search(v, 0.99, 1, 1000)).toHaveLength(0);
    idx.add('x', v, 5000);
    expect(idx.size).toBe(1);
    expect([idx.expiresOf('x'), idx.expiresOf('y')]).toEqual([5000, undefined]);
    expect(idx.prune(2000)).toBe(0);
    idx.remove('x');
    expect(idx.search(v, 0.5, 1, 0)).toHaveLength(0);
  });

  it('as an HNSW graph, still finds near duplicates of live rows after removals and replacements', () => {
    const idx = new VectorIndex({ flatUpTo: 64 });
    const r = rnd(42);
    const rows: Float32Array[] = [];
    for (let i = 0; i < 3000; i++) {
      rows.push(randomUnit(r));
      idx.add(`r${i}`, rows[i], Infinity);
    }
    expect(idx.approximate).toBe(true);
    for (let i = 0; i < 1500; i++) idx.remove(`r${i}`);
    for (let i = 1500; i < 1600; i++) idx.add(`r${i}`, rows[i], Infinity); // replaced in place
    let found = 0;
    for (let i = 1500; i < 3000; i += 15) {
      const q = normalised(Array.from(rows[i], (x) => x + r() * 0.02));
      const [best] = idx.search(q, 0.9, 1, 0);
      if (best?.id === `r${i}`) found++;
      expect(best?.score ?? 1).toBeCloseTo(1, 1); // int8 cells: approximate scores
    }
    expect(found).toBeGreaterThanOrEqual(97); // approximate: a miss costs a completion, not a wrong answer
    expect(idx.size).toBe(1500);
    expect(idx.search(rows[0], 0.9, 1, 0)).toEqual([]); // removed rows never come back
  });

  it('survives churn (a cache with TTLs removes and adds all day) without losing live rows', () => {
    const idx = new VectorIndex({ flatUpTo: 16 });
    const r = rnd(11);
    const live: [string, Float32Array][] = [];
    for (let i = 0; i < 6000; i++) {
      const row: [string, Float32Array] = [`c${i}`, randomUnit(r)];
      idx.add(row[0], row[1], Infinity);
      live.push(row);
      if (live.length > 300) idx.remove(live.shift()![0]);
    }
    expect(idx.size).toBe(300);
    const found = live.filter(([id, v]) => idx.search(v, 0.9, 1, 0)[0]?.id === id).length;
    expect(found).toBeGreaterThanOrEqual(295);
    expect(idx.search(randomUnit(rnd(99)), 0.9, 1, 0)).toEqual([]);
  });

  it('skips expired rows in the graph and prunes them', () => {
    const idx = new VectorIndex({ flatUpTo: 8 });
    const r = rnd(3);
    const rows = Array.from({ length: 40 }, () => randomUnit(r));
    rows.forEach((v, i) => idx.add(`r${i}`, v, i < 20 ? 1000 : 5000));
    expect(idx.search(rows[5], 0.9, 1, 999)).toEqual([{ id: 'r5', score: expect.closeTo(1, 1) }]);
    expect(idx.search(rows[5], 0.9, 1, 1000)).toEqual([]);
    expect(idx.prune(1000)).toBe(20);
    expect(idx.size).toBe(20);
    expect(idx.search(rows[30], 0.9, 1, 1000)[0]?.id).toBe('r30');
  });
});
