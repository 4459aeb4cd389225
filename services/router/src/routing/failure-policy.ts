import type { ProviderErrorKind } from '@gatehouse/providers';

/**
 * Pure: what a failed attempt means for routing.
 * - `blames`: counts towards the deployment's `allowed_fails` (and so its cooldown). A 4xx caused
 *   by the request itself (bad request, context window, content policy) never does.
 * - `next`: `retry` (another deployment, or the same after a pause), `skip_deployment` (another
 *   deployment, never this one again for this request: its credential is wrong), a specific
 *   fallback list, or `stop` (no other deployment can do better).
 */
export type NextStep = 'retry' | 'skip_deployment' | 'context_window' | 'content_policy' | 'stop';

const POLICY: Record<ProviderErrorKind, { blames: boolean; next: NextStep }> = {
  rate_limited: { blames: true, next: 'retry' },
  server: { blames: true, next: 'retry' },
  timeout: { blames: true, next: 'retry' },
  connect: { blames: true, next: 'retry' },
  stream_cut: { blames: true, next: 'retry' },
  auth: { blames: true, next: 'skip_deployment' },
  bad_request: { blames: false, next: 'stop' },
  context_window: { blames: false, next: 'context_window' },
  content_filter: { blames: false, next: 'content_policy' },
};

export function judgeFailure(kind: ProviderErrorKind): { blames: boolean; next: NextStep } {
  return POLICY[kind];
}

/**
 * Pure: the pause before trying deployments of a group again once each was tried: the
 * provider's `retry-after` when it sent one, else exponential from 100 ms; never less than
 * `retry_after`, never more than the cap.
 */
export function backoffMs(retryAfterS: number | null, round: number, minMs: number, maxMs: number): number {
  const wanted = retryAfterS !== null ? retryAfterS * 1000 : 100 * 2 ** Math.max(0, round - 1);
  return Math.min(maxMs, Math.max(minMs, wanted));
}
