import type { CacheEntryMeta, ChatCompletion } from '@gatehouse/contracts';

/** The value of an exact entry (`e.<namespace>.<digest>`) in the `GH_CACHE` bucket. */
export interface StoredEntry {
  response: ChatCompletion;
  meta: CacheEntryMeta;
  /** ms since the epoch; a per-request TTL shorter than the bucket's is enforced on read. */
  expires_at: number;
  /** The full embedding (base64 float32) a semantic candidate is finally compared with. */
  embedding?: string;
}

/** The value of a semantic record (`s.<namespace>.<scope>.<digest>`): small, mirrored by every replica. */
export interface SemanticRecord {
  /** The index vector (INDEX_DIMS, unit, base64 float32). */
  v: string;
  x: number;
}

/** Pure: the parts of a bucket key, or null for a key of another shape. */
export function parseKey(key: string): { kind: 'e'; ns: string; digest: string } | { kind: 's'; ns: string; scope: string; digest: string } | null {
  const p = key.split('.');
  if (p[0] === 'e' && p.length === 3) return { kind: 'e', ns: p[1], digest: p[2] };
  if (p[0] === 's' && p.length === 4) return { kind: 's', ns: p[1], scope: p[2], digest: p[3] };
  return null;
}
