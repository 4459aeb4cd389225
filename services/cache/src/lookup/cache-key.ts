import { createHash } from 'node:crypto';

/**
 * Request fields that do not change what the model answers, so they are left out of the key.
 * Everything else (messages, tools, response_format, temperature, seed, stop, …) is in it,
 * including fields we do not know yet: an unknown field might change the output.
 */
const NOT_IN_KEY = new Set(['stream', 'stream_options', 'user', 'metadata', 'cache', 'request_timeout']);

/** JSON with object keys sorted at every depth: the same request always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Pure: the exact-cache key of a request inside a tenant namespace (a valid NATS KV key). */
export function exactCacheKey(namespace: string, request: Record<string, unknown>): string {
  const material: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) if (!NOT_IN_KEY.has(k)) material[k] = v;
  const digest = createHash('sha256').update(canonicalJson(material)).digest('hex');
  return `${namespace.replace(/[^A-Za-z0-9_-]/g, '_')}.${digest}`;
}
