import type { ChatCompletion } from '@gatehouse/contracts';
import type { SemanticIndexService } from '../semantic/semantic-index.service';
import type { IndexHit } from '../semantic/vector-index';
import { encodeVector, normalised } from '../semantic/vector-math';
import { defaultCacheOptions } from '../store/cache-options';
import type { CacheStoreService } from '../store/cache-store.service';
import type { StoredEntry } from '../store/stored-entry';
import { CacheEngine } from './cache-engine.service';
import { exactKeyOf, namespaceToken } from './cache-key';

/** The semantic decision over an approximate index: candidates are re-checked on their stored vectors. */
describe('CacheEngine semantic look-up', () => {
  const ns = namespaceToken('team:t');
  const answer = (text: string): ChatCompletion => ({
    id: text, object: 'chat.completion', created: 1, model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  });
  const entry = (text: string, vector: number[]): StoredEntry => ({
    response: answer(text), meta: { request_id: `req-${text}`, cost_usd: 0.5, created_at: new Date(0).toISOString() },
    expires_at: Number.MAX_SAFE_INTEGER, embedding: encodeVector(normalised(vector)),
  });
  const engineWith = (entries: Record<string, StoredEntry>, candidates: IndexHit[]) => {
    const store = { get: async (key: string) => Object.entries(entries).find(([d]) => exactKeyOf(ns, d) === key)?.[1] ?? null };
    const semantic = { search: () => candidates };
    return new CacheEngine(store as unknown as CacheStoreService, semantic as unknown as SemanticIndexService, defaultCacheOptions);
  };
  const ask = (vector: number[], threshold = 0.9) => ({
    request_id: 'q', namespace: 'team:t', skip_exact: true,
    request: { model: 'm', messages: [{ role: 'user', content: 'question' }] },
    semantic: { method: 'embedding' as const, threshold, embedding_model: 'e', vector },
  });

  it('answers with the best candidate by exact cosine, whatever the index ranked first', async () => {
    const engine = engineWith({ d1: entry('near', [1, 0.4, 0, 0]), d2: entry('nearest', [1, 0.1, 0, 0]) }, [{ id: 'd1', score: 0.99 }, { id: 'd2', score: 0.95 }]);
    const r = await engine.lookup(ask([1, 0, 0, 0]));
    expect(r).toMatchObject({ status: 'semantic-hit', response: { id: 'nearest' }, entry: { request_id: 'req-nearest' } });
    expect((r as { similarity: number }).similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 6);
  });

  it('misses when the index over-rated every candidate (exact cosine below the threshold)', async () => {
    const engine = engineWith({ d1: entry('far', [1, 1, 0, 0]) }, [{ id: 'd1', score: 0.93 }]); // exact ≈ 0.71
    expect(await engine.lookup(ask([1, 0, 0, 0]))).toEqual({ status: 'miss' });
  });

  it('skips a candidate whose entry is gone (evicted or expired) and asks for a vector when it has none', async () => {
    const engine = engineWith({ d2: entry('kept', [1, 0, 0, 0]) }, [{ id: 'd1', score: 1 }, { id: 'd2', score: 0.99 }]);
    expect(await engine.lookup(ask([1, 0, 0, 0]))).toMatchObject({ status: 'semantic-hit', response: { id: 'kept' } });
    const { vector: _none, ...noVector } = ask([1, 0, 0, 0]).semantic;
    expect(await engine.lookup({ ...ask([1, 0, 0, 0]), semantic: noVector })).toEqual({ status: 'miss', embed_text: 'question' });
  });
});
