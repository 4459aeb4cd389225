export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** A child that stayed up this long is healthy again: the next crash starts from initialMs. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 15_000, stableMs: 30_000 };

/** Pure: the delay before restart number `attempt` (0-based), doubling up to maxMs. */
export function restartDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt));
}

/** Pure: the attempt counter after a crash, given how long the child had been up. */
export function nextAttempt(attempt: number, upMs: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return upMs >= policy.stableMs ? 0 : attempt + 1;
}
