import type { ErrorCode, ErrorDetails, ErrorFrame } from '@gatehouse/contracts';
import { ProviderError, type ProviderErrorKind } from '@gatehouse/providers';

/**
 * Pure: how a provider failure reaches the client. The upstream status is kept where it means
 * the same to the client (429, 5xx, 4xx request errors); a provider rejecting the deployment's
 * own credential is the gateway's fault, not the caller's, so it is a 502, not a 401.
 */
const MAP: Record<ProviderErrorKind, { code: ErrorCode; keepStatus: boolean }> = {
  rate_limited: { code: 'rate_limit_exceeded', keepStatus: true },
  server: { code: 'upstream_error', keepStatus: true },
  timeout: { code: 'upstream_timeout', keepStatus: false },
  connect: { code: 'upstream_error', keepStatus: false },
  stream_cut: { code: 'stream_interrupted', keepStatus: false },
  bad_request: { code: 'invalid_request', keepStatus: true },
  auth: { code: 'upstream_error', keepStatus: false },
  content_filter: { code: 'content_policy_violation', keepStatus: false },
  context_window: { code: 'invalid_request', keepStatus: false },
};

export function providerErrorToWire(err: ProviderError, deploymentId: string | null): { code: ErrorCode; message: string; details: ErrorDetails } {
  const m = MAP[err.kind];
  const details: ErrorDetails = { upstreamStatus: err.status ?? undefined };
  if (m.keepStatus && err.status) details.status = err.status;
  if (err.retryAfterS !== null) details.retryAfter = err.retryAfterS;
  const where = deploymentId ? ` (deployment ${deploymentId})` : '';
  return { code: m.code, message: `Provider error${where}: ${err.message}`, details };
}

/** The same, as an error frame's `error`. */
export function providerErrorFrame(err: ProviderError, deploymentId: string | null): ErrorFrame['error'] {
  const { code, message, details } = providerErrorToWire(err, deploymentId);
  return { code, message, details: { ...details } };
}

/** Anything an adapter throws, as a ProviderError (an adapter bug must not crash the router). */
export function asProviderError(err: unknown, aborted: boolean): ProviderError {
  if (err instanceof ProviderError) return err;
  if (aborted) return new ProviderError('timeout', 'the request was cancelled');
  return new ProviderError('server', `adapter failure: ${(err as Error)?.message ?? String(err)}`, null, null, { cause: err });
}
