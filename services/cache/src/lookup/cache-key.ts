import { createHash } from 'node:crypto';

/**
 * Request fields that do not change what the model answers, so they are left out of the key.
 * Everything else (messages, tools, response_format, temperature, seed, stop, …) is in it,
 * including fields we do not know yet: an unknown field might change the output.
 */
const NOT_IN_KEY = new Set(['stream', 'stream_options', 'user', 'metadata', 'cache', 'request_timeout', 'fallbacks']);
/** Roles whose messages fix the scope of a semantic match instead of being compared. */
const SCOPE_ROLES = new Set(['system', 'developer']);

/** JSON with object keys sorted at every depth: the same request always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Pure: a tenant namespace as one KV key token. Sanitising alone would let `team.a` and `team_a`
 * share entries, so a digest of the raw namespace is part of it.
 */
export function namespaceToken(namespace: string): string {
  return `${namespace.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${sha256(namespace).slice(0, 12)}`;
}

function keyMaterial(request: Record<string, unknown>): Record<string, unknown> {
  const material: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) if (!NOT_IN_KEY.has(k)) material[k] = v;
  return material;
}

/** Pure: the digest of everything in a request that changes the answer. */
export function requestDigest(request: Record<string, unknown>): string {
  return sha256(canonicalJson(keyMaterial(request)));
}

/** Pure: the exact-cache key of a request inside a tenant namespace (a valid NATS KV key). */
export function exactCacheKey(namespace: string, request: Record<string, unknown>): string {
  return `e.${namespaceToken(namespace)}.${requestDigest(request)}`;
}

/** Pure: the exact-cache key of the entry a semantic record points at. */
export function exactKeyOf(nsToken: string, digest: string): string {
  return `e.${nsToken}.${digest}`;
}

type Message = { role?: unknown; content?: unknown };

/**
 * Pure: what a semantic match may differ in (the conversation's words) and what it may not (the
 * scope: model, every parameter, system prompt, tools, the roles of the turns). Null when the
 * request cannot be compared by text (non-text parts, tool calls, no messages).
 */
export function semanticParts(request: Record<string, unknown>): { scope: string; text: string } | null {
  const messages = request.messages;
  if (!Array.isArray(messages) || messages.length === 0) return null;
  const scoped: unknown[] = [];
  const texts: string[] = [];
  const roles: string[] = [];
  for (const m of messages as Message[]) {
    if (typeof m?.role === 'string' && SCOPE_ROLES.has(m.role)) {
      scoped.push(m);
      continue;
    }
    const text = textOf(m);
    if (text === null || (m as Record<string, unknown>).tool_calls !== undefined) return null;
    roles.push(String(m.role));
    texts.push(text);
  }
  if (texts.length === 0) return null;
  const scope = sha256(canonicalJson({ ...keyMaterial(request), messages: scoped, roles })).slice(0, 32);
  return { scope, text: texts.join('\n') };
}

function textOf(m: Message): string | null {
  if (typeof m.content === 'string') return m.content;
  if (!Array.isArray(m.content)) return null;
  const parts: string[] = [];
  for (const p of m.content as { type?: unknown; text?: unknown }[]) {
    if (p?.type !== 'text' || typeof p.text !== 'string') return null;
    parts.push(p.text);
  }
  return parts.join('\n');
}
