import { type ErrorCode, GatehouseError } from '@gatehouse/contracts';
import type { z } from 'zod';

/** Pure: Gatehouse errors in Anthropic's error shape, and zod issues in Anthropic's wording. */

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

const TYPES: Record<ErrorCode, string> = {
  invalid_json: 'invalid_request_error',
  invalid_request: 'invalid_request_error',
  content_policy_violation: 'invalid_request_error',
  invalid_api_key: 'authentication_error',
  permission_denied: 'permission_error',
  model_not_found: 'not_found_error',
  not_found: 'not_found_error',
  request_too_large: 'invalid_request_error',
  rate_limit_exceeded: 'rate_limit_error',
  budget_exceeded: 'rate_limit_error',
  upstream_error: 'api_error',
  upstream_timeout: 'timeout_error',
  service_unavailable: 'api_error',
  client_closed_request: 'api_error',
  stream_interrupted: 'api_error',
  internal_error: 'api_error',
};

/** Anthropic's error `type` for a Gatehouse error: an upstream 529 stays `overloaded_error`. */
export function anthropicErrorType(err: GatehouseError): string {
  if (err.status === 529 || err.details.upstreamStatus === 529) return 'overloaded_error';
  return TYPES[err.code];
}

export function toAnthropicError(err: GatehouseError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType(err), message: err.message } };
}

/** A failed parse as a 400 naming the field as Anthropic does: `messages.0.content: Field required`. */
export function invalidRequest(error: z.ZodError, body: unknown): GatehouseError {
  const issue = error.issues[0];
  const param = issue.path.map(String).join('.');
  const missing = issue.path.length > 0 && valueAt(body, issue.path) === undefined;
  const message = missing ? 'Field required' : issue.message;
  return new GatehouseError('invalid_request', param ? `${param}: ${message}` : message, { param: param || undefined });
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v = body;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
