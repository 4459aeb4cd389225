import { Inject, Injectable } from '@nestjs/common';
import { CacheLookupV2, CacheStoreV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { exactKeyOf, namespaceToken, requestDigest, semanticParts } from './cache-key';
import { CACHE_OPTIONS, type CacheOptions } from '../store/cache-options';
import { CacheStoreService } from '../store/cache-store.service';
import { parseKey, type SemanticRecord, type StoredEntry } from '../store/stored-entry';
import { SemanticIndexService } from '../semantic/semantic-index.service';
import { localVector } from '../semantic/local-vector';
import { cosine, decodeVector, encodeVector, normalised, toIndexVector } from '../semantic/vector-math';
import { createHash } from 'node:crypto';

type Semantic = NonNullable<RpcRequest<typeof CacheLookupV2>['semantic']>;
type StoreSemantic = NonNullable<RpcRequest<typeof CacheStoreV1>['semantic']>;
/**
 * A candidate's index score may be this much below the threshold before its stored vector is
 * compared: the index is approximate (random projection of large embeddings, int8 HNSW cells).
 */
const PROJECTION_MARGIN = 0.05;
const CANDIDATES = 3;

/** The vectors of one request for one semantic method, or null when it cannot be compared. */
function vectorsOf(request: Record<string, unknown>, s: Semantic | StoreSemantic) {
  const parts = semanticParts(request);
  if (!parts) return null;
  // Vectors of different methods or embedding models never share an index.
  const scope = createHash('sha256').update(`${parts.scope}|${s.method}|${s.embedding_model ?? ''}`).digest('hex').slice(0, 32);
  if (s.method === 'local') {
    const v = localVector(parts.text);
    return { scope, text: parts.text, index: v, full: v };
  }
  if (!s.vector) return { scope, text: parts.text, index: null, full: null };
  return { scope, text: parts.text, index: toIndexVector(s.vector), full: normalised(s.vector) };
}

/** Exact then semantic look-up, and storing (docs/adr/0011). Handlers stay thin around this. */
@Injectable()
export class CacheEngine {
  constructor(
    private readonly store: CacheStoreService,
    private readonly semantic: SemanticIndexService,
    @Inject(CACHE_OPTIONS) private readonly opts: CacheOptions,
  ) {}

  async lookup(req: RpcRequest<typeof CacheLookupV2>, now = Date.now()): Promise<RpcResponse<typeof CacheLookupV2>> {
    const ns = namespaceToken(req.namespace);
    const digest = requestDigest(req.request);
    if (!req.skip_exact) {
      const hit = await this.store.get(exactKeyOf(ns, digest), now);
      if (hit) return { status: 'hit', response: hit.response, entry: hit.meta };
    }
    if (!req.semantic) return { status: 'miss' };
    const v = vectorsOf(req.request, req.semantic);
    if (!v) return { status: 'miss' };
    if (!v.index) return { status: 'miss', embed_text: v.text };
    const threshold = req.semantic.threshold;
    let best: { entry: StoredEntry; similarity: number } | null = null;
    for (const c of this.semantic.search(ns, v.scope, v.index, threshold - PROJECTION_MARGIN, CANDIDATES, now)) {
      const entry = await this.store.get(exactKeyOf(ns, c.id), now);
      if (!entry) continue;
      // The final word is the exact cosine of the stored vector (index scores are approximate),
      // so the threshold means what it says and the best candidate wins.
      const similarity = v.full && entry.embedding ? cosine(v.full, decodeVector(entry.embedding)) : c.score;
      if (similarity >= threshold && similarity > (best?.similarity ?? -1)) best = { entry, similarity };
    }
    return best ? { status: 'semantic-hit', response: best.entry.response, entry: best.entry.meta, similarity: best.similarity } : { status: 'miss' };
  }

  async save(req: RpcRequest<typeof CacheStoreV1>, now = Date.now()): Promise<RpcResponse<typeof CacheStoreV1>> {
    const ns = namespaceToken(req.namespace);
    const digest = requestDigest(req.request);
    const key = exactKeyOf(ns, digest);
    const expiresAt = now + Math.min(req.ttl_s, this.opts.maxTtlS) * 1000;
    const v = req.semantic ? vectorsOf(req.request, req.semantic) : null;
    const entry: StoredEntry = {
      response: req.response,
      meta: { request_id: req.request_id, cost_usd: req.cost_usd, created_at: new Date(now).toISOString() },
      expires_at: expiresAt,
      ...(v?.full ? { embedding: encodeVector(v.full) } : {}),
    };
    const evicted = await this.store.put(key, entry, req.max_entries, now);
    await Promise.all(
      evicted.map((k) => {
        const rec = this.semantic.recordKeyOf(ns, parseKey(k)?.digest ?? '');
        return rec ? this.store.kv.delete(rec) : undefined;
      }),
    );
    if (v?.index) {
      const recKey = `s.${ns}.${v.scope}.${digest}`;
      const record: SemanticRecord = { v: encodeVector(v.index), x: expiresAt };
      await this.store.kv.put(recKey, JSON.stringify(record));
      this.semantic.add(recKey, v.index, expiresAt);
    }
    return { stored: true, key, evicted: evicted.length };
  }
}
