import { ProviderError } from '../types';

/**
 * Pure: what an Anthropic error says beyond its status. The shared mapping (`errorFromResponse`)
 * already gives 429 → rate_limited with `retry-after`, 529 `overloaded_error` and other 5xx →
 * server (retryable), 401/403 → auth, 400/404/413 → bad_request, with the message scrubbed.
 * Anthropic has no error code for an over-long prompt, only its message.
 */
const CONTEXT_WINDOW = /prompt is too long|exceeds? (the )?(model'?s? )?context (window|length)|input length and `max_tokens` exceed context limit/i;

export function refineAnthropicError(err: unknown): unknown {
  if (!(err instanceof ProviderError) || err.kind !== 'bad_request' || !CONTEXT_WINDOW.test(err.message)) return err;
  return new ProviderError('context_window', err.message, err.status, err.retryAfterS, { cause: err.cause });
}
