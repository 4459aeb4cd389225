import { randomUUID } from 'node:crypto';
import type { Exchange } from '../respond';

/**
 * Bedrock Runtime's response plumbing: a UUID `x-amzn-RequestId` on every answer, errors as
 * REST-JSON (`x-amzn-ErrorType` header, `{message}` body), the status each error type has in the
 * API reference.
 */

export const AwsErrorType = {
  ValidationException: 400,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
  ModelTimeoutException: 408,
  ModelErrorException: 424,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  InternalServerException: 500,
  ServiceUnavailableException: 503,
} as const;
export type AwsErrorType = keyof typeof AwsErrorType;

export function awsRequestId(): string {
  return randomUUID();
}

export function sendAwsJson(ex: Exchange, status: number, body: string, extra: Record<string, string> = {}): void {
  if (ex.res.destroyed) return;
  ex.res.writeHead(status, {
    'x-amzn-requestid': awsRequestId(),
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  ex.res.end(body);
}

/** An AWS error: `x-amzn-ErrorType: <Type>:http://internal.amazon.com/coral/com.amazon.bedrock/` and `{message}`. */
export function sendAwsError(ex: Exchange, status: number, type: string, message: string): void {
  sendAwsJson(ex, status, JSON.stringify({ message }), { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` });
}

/** The error type Bedrock uses for an injected status. */
export function errorTypeFor(status: number): string {
  if (status === 503) return 'ServiceUnavailableException';
  if (status >= 500) return 'InternalServerException';
  const known = (Object.keys(AwsErrorType) as AwsErrorType[]).find((t) => AwsErrorType[t] === status);
  return known ?? 'ValidationException';
}

export function defaultMessage(type: string): string {
  switch (type) {
    case 'ThrottlingException':
      return 'Too many requests, please wait before trying again.';
    case 'ServiceUnavailableException':
      return 'Bedrock is unable to process your request.';
    case 'InternalServerException':
      return 'The system encountered an unexpected error during processing. Try your request again.';
    case 'AccessDeniedException':
      return "You don't have access to the model with the specified model ID.";
    case 'ModelTimeoutException':
      return 'Model has timed out in processing the request. Try your request again.';
    default:
      return 'Simulated error.';
  }
}
