/**
 * The one closed error taxonomy of Gatehouse. Every failure a client can see has a code here;
 * each code maps exhaustively to an HTTP status, an OpenAI error `type`, a log level and whether
 * a retry of the same request may succeed. Services raise `GatehouseError`; ingress renders it as
 * `{ error: { message, type, code, param } }`.
 */
export const ErrorCodes = {
  invalid_json: { status: 400, type: 'invalid_request_error', retryable: false, level: 'info' },
  invalid_request: { status: 400, type: 'invalid_request_error', retryable: false, level: 'info' },
  content_policy_violation: { status: 400, type: 'invalid_request_error', retryable: false, level: 'warn' },
  invalid_api_key: { status: 401, type: 'authentication_error', retryable: false, level: 'info' },
  permission_denied: { status: 403, type: 'permission_error', retryable: false, level: 'info' },
  model_not_found: { status: 404, type: 'invalid_request_error', retryable: false, level: 'info' },
  not_found: { status: 404, type: 'invalid_request_error', retryable: false, level: 'info' },
  request_too_large: { status: 413, type: 'invalid_request_error', retryable: false, level: 'info' },
  rate_limit_exceeded: { status: 429, type: 'rate_limit_error', retryable: true, level: 'info' },
  budget_exceeded: { status: 429, type: 'budget_exceeded', retryable: false, level: 'info' },
  upstream_error: { status: 502, type: 'api_error', retryable: true, level: 'warn' },
  upstream_timeout: { status: 504, type: 'timeout_error', retryable: true, level: 'warn' },
  service_unavailable: { status: 503, type: 'service_unavailable', retryable: true, level: 'error' },
  client_closed_request: { status: 499, type: 'api_error', retryable: false, level: 'info' },
  stream_interrupted: { status: 502, type: 'api_error', retryable: true, level: 'warn' },
  internal_error: { status: 500, type: 'api_error', retryable: true, level: 'error' },
} as const satisfies Record<string, { status: number; type: string; retryable: boolean; level: 'info' | 'warn' | 'error' }>;

export type ErrorCode = keyof typeof ErrorCodes;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ErrorCodes, value);
}

/** Extra facts an error carries to the client (headers) or to the router (upstream status). */
export interface ErrorDetails {
  /** HTTP status to use instead of the code's default (an upstream 400 stays a 400). */
  status?: number;
  param?: string;
  /** Seconds; rendered as `retry-after`. */
  retryAfter?: number;
  headers?: Record<string, string>;
  upstreamStatus?: number;
}

export class GatehouseError extends Error {
  override readonly name = 'GatehouseError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return this.details.status ?? ErrorCodes[this.code].status;
  }

  /** The OpenAI error object (`{ error: {...} }`), the only error shape a client ever sees. */
  toOpenAI(): OpenAIErrorBody {
    return {
      error: {
        message: this.message,
        type: ErrorCodes[this.code].type,
        code: this.code,
        param: this.details.param ?? null,
      },
    };
  }

  /** What crosses NATS: a plain object, rebuilt by `GatehouseError.fromWire` on the other side. */
  toWire(): WireError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(wire: WireError): GatehouseError {
    const code = isErrorCode(wire.code) ? wire.code : 'internal_error';
    return new GatehouseError(code, wire.message, wire.details ?? {});
  }
}

export interface WireError {
  code: string;
  message: string;
  details?: ErrorDetails;
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}
