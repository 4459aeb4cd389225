import { kindForStatus, parseRetryAfter, scrub, type ErrorContext } from '../http';
import { ProviderError, type ProviderErrorKind } from '../types';
import { WireError } from './wire';

/**
 * Google API errors (`google.rpc.Status` as JSON: `{error: {code, message, status, details}}`)
 * → ProviderError. The HTTP status decides, refined by what the body says more precisely: an
 * invalid API key is a 400 `INVALID_ARGUMENT` with reason `API_KEY_INVALID` (auth, not the
 * request), an over-long prompt a 400 about the token limit (context_window), and a 429 says
 * when to retry in a `RetryInfo` detail rather than a header.
 */

type Headers = Record<string, string | string[] | undefined>;

const MAX_MESSAGE = 500;

const KIND_BY_STATUS: Record<string, ProviderErrorKind> = {
  RESOURCE_EXHAUSTED: 'rate_limited',
  UNAUTHENTICATED: 'auth',
  PERMISSION_DENIED: 'auth',
  INVALID_ARGUMENT: 'bad_request',
  FAILED_PRECONDITION: 'bad_request',
  NOT_FOUND: 'bad_request',
  OUT_OF_RANGE: 'bad_request',
  INTERNAL: 'server',
  UNAVAILABLE: 'server',
  DEADLINE_EXCEEDED: 'server',
};

export interface GoogleError {
  message: string;
  status: string | null;
  reason: string | null;
  retryDelayS: number | null;
}

export function parseGoogleError(body: string): GoogleError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { message: body.trim().slice(0, MAX_MESSAGE), status: null, reason: null, retryDelayS: null };
  }
  // The streaming (non-SSE) form wraps the error in an array.
  const parsed = WireError.safeParse(Array.isArray(json) ? json[0] : json);
  if (!parsed.success) return { message: body.trim().slice(0, MAX_MESSAGE), status: null, reason: null, retryDelayS: null };
  const { message, status, details = [] } = parsed.data.error;
  const reason = details.find((d) => typeof d.reason === 'string')?.reason ?? null;
  const delay = details.find((d) => typeof d.retryDelay === 'string')?.retryDelay;
  const seconds = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay)?.[1] : undefined;
  return { message: message ?? '', status: status ?? null, reason, retryDelayS: seconds !== undefined ? Number(seconds) : null };
}

export function googleErrorKind(httpStatus: number | null, err: GoogleError): ProviderErrorKind {
  if (err.reason === 'API_KEY_INVALID' || err.reason === 'ACCESS_TOKEN_EXPIRED') return 'auth';
  if (/input token count .*exceeds|exceeds the maximum number of tokens/i.test(err.message)) return 'context_window';
  if (httpStatus !== null) return kindForStatus(httpStatus);
  return (err.status && KIND_BY_STATUS[err.status]) || 'server';
}

/** An HTTP error answer of Gemini or Vertex AI. */
export function googleErrorFromResponse(status: number, headers: Headers, body: string, ctx: ErrorContext, nowMs = Date.now()): ProviderError {
  const err = parseGoogleError(body);
  const kind = googleErrorKind(status, err);
  const what = err.status ? `${status} ${err.status}` : String(status);
  const text = scrub(`${ctx.label} answered ${what}: ${err.message.slice(0, MAX_MESSAGE) || '(no message)'}`, ctx.apiKey);
  const retryAfter = kind === 'rate_limited' ? (parseRetryAfter(headers, nowMs) ?? err.retryDelayS) : null;
  return new ProviderError(kind, text, status, retryAfter);
}

/** An error object inside a stream (HTTP status already 200): kind from its own code and status. */
export function googleStreamError(data: string, ctx: ErrorContext): ProviderError {
  const err = parseGoogleError(data);
  let code: number | null = null;
  try {
    const c = (JSON.parse(data) as { error?: { code?: unknown } }).error?.code;
    if (typeof c === 'number' && c >= 400) code = c;
  } catch {
    // not JSON: parseGoogleError kept the text
  }
  const kind = googleErrorKind(code, err);
  return new ProviderError(kind, scrub(`${ctx.label} sent an error in the stream: ${err.message || '(no message)'}`, ctx.apiKey), code);
}
