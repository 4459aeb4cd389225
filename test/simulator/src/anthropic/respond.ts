import type { Exchange, RateWindow } from '../respond';

/** Anthropic's response plumbing: `request-id`, `anthropic-ratelimit-*` headers, error bodies. */

export const ErrorTypeByStatus: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function errorType(status: number): string {
  return ErrorTypeByStatus[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** `{"type":"error","error":{"type","message"},"request_id"}`. */
export function anthropicError(ex: Exchange, type: string, message: string): string {
  return JSON.stringify({ type: 'error', error: { type, message }, request_id: ex.requestId });
}

/** The shared window's counts under Anthropic's header names; resets are RFC 3339 times. */
export function rateHeaders(rate: Record<string, string>, resetInS = 60): Record<string, string> {
  const reset = new Date(Math.ceil(Date.now() / 1000 + resetInS) * 1000).toISOString().replace('.000Z', 'Z');
  const out: Record<string, string> = {
    'anthropic-ratelimit-requests-limit': rate['x-ratelimit-limit-requests'],
    'anthropic-ratelimit-requests-remaining': rate['x-ratelimit-remaining-requests'],
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-tokens-limit': rate['x-ratelimit-limit-tokens'],
    'anthropic-ratelimit-tokens-remaining': rate['x-ratelimit-remaining-tokens'],
    'anthropic-ratelimit-tokens-reset': reset,
  };
  for (const kind of ['input', 'output']) {
    out[`anthropic-ratelimit-${kind}-tokens-limit`] = rate['x-ratelimit-limit-tokens'];
    out[`anthropic-ratelimit-${kind}-tokens-remaining`] = rate['x-ratelimit-remaining-tokens'];
    out[`anthropic-ratelimit-${kind}-tokens-reset`] = reset;
  }
  return out;
}

export function anthropicHeaders(ex: Exchange, rate: RateWindow, tokens: number): Record<string, string> {
  return { 'request-id': ex.requestId, 'anthropic-organization-id': 'org-simulator', ...rateHeaders(rate.use(tokens)) };
}
