import type { ServerResponse } from 'node:http';

/** Response plumbing shared by every simulated route: OpenAI's headers and error bodies. */

export interface Exchange {
  res: ServerResponse;
  /** `x-request-id`, `req_` + 32 hex digits like OpenAI's. */
  requestId: string;
  /** `performance.now()` at arrival, for `openai-processing-ms`. */
  started: number;
}

/** OpenAI's `{ error: { message, type, param, code } }`. */
export function errorJson(message: string, type: string, param: string | null = null, code: string | null = null): string {
  return JSON.stringify({ error: { message, type, param, code } });
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.ceil(ms))}ms` : `${+(ms / 1000).toFixed(3)}s`;
}

/**
 * A fixed one-minute window of requests and tokens, rendered as the `x-ratelimit-*` headers.
 * Limits are generous: only injected 429s ever exhaust them.
 */
export class RateWindow {
  readonly limitRequests = 10_000;
  readonly limitTokens = 10_000_000;
  private windowStart = Date.now();
  private requests = 0;
  private tokens = 0;

  /** Counts one request using `tokens`, then returns the headers describing what is left. */
  use(tokens: number): Record<string, string> {
    const now = Date.now();
    if (now - this.windowStart >= 60_000) this.reset(now);
    this.requests++;
    this.tokens += tokens;
    const reset = formatDuration(60_000 - (now - this.windowStart));
    return {
      'x-ratelimit-limit-requests': String(this.limitRequests),
      'x-ratelimit-remaining-requests': String(Math.max(0, this.limitRequests - this.requests)),
      'x-ratelimit-reset-requests': reset,
      'x-ratelimit-limit-tokens': String(this.limitTokens),
      'x-ratelimit-remaining-tokens': String(Math.max(0, this.limitTokens - this.tokens)),
      'x-ratelimit-reset-tokens': reset,
    };
  }

  /** Headers of an exhausted window that resets in `retryAfterS` seconds. */
  exhausted(retryAfterS: number): Record<string, string> {
    return {
      'x-ratelimit-limit-requests': String(this.limitRequests),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': formatDuration(retryAfterS * 1000),
      'x-ratelimit-limit-tokens': String(this.limitTokens),
      'x-ratelimit-remaining-tokens': String(Math.max(0, this.limitTokens - this.tokens)),
      'x-ratelimit-reset-tokens': formatDuration(0),
    };
  }

  reset(now = Date.now()): void {
    this.windowStart = now;
    this.requests = 0;
    this.tokens = 0;
  }
}

export function baseHeaders(ex: Exchange, rate: Record<string, string>): Record<string, string> {
  return {
    'x-request-id': ex.requestId,
    'openai-processing-ms': String(Math.round(performance.now() - ex.started)),
    'openai-version': '2020-10-01',
    ...rate,
  };
}

export function sendJson(ex: Exchange, status: number, body: string, headers: Record<string, string>): void {
  if (ex.res.destroyed) return;
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(body));
  ex.res.writeHead(status, headers);
  ex.res.end(body);
}

/** Resolves after `ms`; the timer does not keep the process alive (a closed simulator exits). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
