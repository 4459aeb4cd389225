import { scrubSecrets } from '@gatehouse/telemetry';
import { ProviderError, type ProviderErrorKind } from '../types';

/**
 * Pure mapping of provider failures to ProviderError. Upstream messages are kept (the client and
 * the operator need them) but scrubbed: of known credential formats, and of the deployment's own
 * key verbatim, whatever its format, since providers like to echo the key they rejected.
 */

export interface ErrorContext {
  /** Names the call, e.g. `openai/gpt-4o-mini`. */
  label: string;
  apiKey: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

const MAX_MESSAGE = 500;

export function scrub(text: string, apiKey: string | null): string {
  const out = apiKey && apiKey.length >= 4 ? text.split(apiKey).join('***') : text;
  return scrubSecrets(out);
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** OpenAI-style error codes that say more than the status does. */
function kindForCode(code: string | null, fallback: ProviderErrorKind): ProviderErrorKind {
  if (code === 'context_length_exceeded') return 'context_window';
  if (code === 'content_filter' || code === 'content_policy_violation') return 'content_filter';
  return fallback;
}

/** Seconds to wait, from `retry-after-ms`, `retry-after` (seconds or an HTTP date); null if absent. */
export function parseRetryAfter(headers: Headers, nowMs: number): number | null {
  const ms = Number(first(headers['retry-after-ms']));
  if (Number.isFinite(ms) && ms >= 0 && first(headers['retry-after-ms']) !== undefined) return ms / 1000;
  const raw = first(headers['retry-after'])?.trim();
  if (!raw) return null;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The message and code of an error body: OpenAI `{error:{…}}`, Ollama `{error:"…"}`, vLLM `{message}`, or text. */
export function upstreamError(body: string): { message: string; code: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { message: body.trim().slice(0, MAX_MESSAGE), code: null };
  }
  const obj = (json ?? {}) as { error?: unknown; message?: unknown; code?: unknown };
  const err = obj.error;
  if (typeof err === 'string') return { message: err, code: null };
  const inner = (err && typeof err === 'object' ? err : obj) as { message?: unknown; code?: unknown };
  const message = typeof inner.message === 'string' ? inner.message : body.trim().slice(0, MAX_MESSAGE);
  return { message, code: typeof inner.code === 'string' ? inner.code : null };
}

/** An HTTP error answer of the provider. */
export function errorFromResponse(status: number, headers: Headers, body: string, ctx: ErrorContext, nowMs = Date.now()): ProviderError {
  const { message, code } = upstreamError(body);
  const kind = kindForCode(code, kindForStatus(status));
  const text = scrub(`${ctx.label} answered ${status}: ${message.slice(0, MAX_MESSAGE) || '(no message)'}`, ctx.apiKey);
  return new ProviderError(kind, text, status, kind === 'rate_limited' ? parseRetryAfter(headers, nowMs) : null);
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/**
 * A transport failure: before the response (`request` phase: connect, unless a timeout) or while
 * reading it (`body` phase: the answer was cut).
 */
export function errorFromTransport(err: unknown, phase: 'request' | 'body', ctx: ErrorContext): ProviderError {
  if (err instanceof ProviderError) return err;
  const code = errorCode(err);
  const detail = scrub(`${ctx.label}: ${describe(err)}`, ctx.apiKey);
  const options = { cause: err };
  if (code !== null && TIMEOUT_CODES.has(code)) return new ProviderError('timeout', detail, null, null, options);
  if (phase === 'body') return new ProviderError('stream_cut', `${detail} (response cut)`, null, null, options);
  return new ProviderError('connect', detail, null, null, options);
}

function errorCode(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECT_CODES.has(code) || TIMEOUT_CODES.has(code))) return code;
  }
  return null;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${err.message}${cause}`;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
