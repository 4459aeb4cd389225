import { kindForStatus, parseRetryAfter, scrub } from '../http';
import { ProviderError, type ProviderErrorKind } from '../types';
import { AwsErrorBody } from './wire';

/**
 * Pure mapping of Bedrock failures to ProviderError: HTTP errors (type in `x-amzn-ErrorType`,
 * message in the body) and the exception events of ConverseStream (`:exception-type`, lower camel
 * case, same names). Messages keep AWS's text, scrubbed of the deployment's secrets.
 */

export interface BedrockErrorContext {
  /** Names the call, e.g. `bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0`. */
  label: string;
  /** Every credential of the deployment (secret key, session token), removed verbatim from messages. */
  secrets: readonly string[];
}

type Headers = Record<string, string | string[] | undefined>;

const MAX_MESSAGE = 500;

const KIND_BY_TYPE: Record<string, ProviderErrorKind> = {
  ThrottlingException: 'rate_limited',
  TooManyRequestsException: 'rate_limited',
  ServiceQuotaExceededException: 'rate_limited',
  ServiceUnavailableException: 'server',
  ModelNotReadyException: 'server',
  InternalServerException: 'server',
  InternalFailure: 'server',
  ModelErrorException: 'server',
  ModelStreamErrorException: 'server',
  ModelTimeoutException: 'timeout',
  ValidationException: 'bad_request',
  ResourceNotFoundException: 'bad_request',
  ConflictException: 'bad_request',
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  InvalidSignatureException: 'auth',
  IncompleteSignatureException: 'auth',
  MissingAuthenticationTokenException: 'auth',
  ExpiredTokenException: 'auth',
  InvalidClientTokenId: 'auth',
};

/** How Bedrock says the prompt does not fit the model (ValidationException). */
const CONTEXT_WINDOW = /input is too long|too many (input )?tokens|prompt is too long|exceeds? (the )?(maximum|model'?s?) (context|input)|context (window|length)/i;

/**
 * `ThrottlingException` from `ThrottlingException:http://internal.amazon.com/coral/…`,
 * `com.amazon.coral.service#ValidationException` or `throttlingException`.
 */
export function normalizeErrorType(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let type = raw.trim();
  const colon = type.indexOf(':');
  if (colon > 0) type = type.slice(0, colon);
  const hash = type.lastIndexOf('#');
  if (hash >= 0) type = type.slice(hash + 1);
  return type ? type[0].toUpperCase() + type.slice(1) : null;
}

export function kindForAwsError(type: string | null, status: number | null, message: string): ProviderErrorKind {
  const kind = (type !== null ? KIND_BY_TYPE[type] : undefined) ?? (status !== null ? kindForStatus(status) : 'server');
  return kind === 'bad_request' && CONTEXT_WINDOW.test(message) ? 'context_window' : kind;
}

export function scrubAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return scrub(out, null);
}

function parseBody(body: string): { message: string; type: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { message: body.trim().slice(0, MAX_MESSAGE), type: null };
  }
  const parsed = AwsErrorBody.safeParse(json);
  if (!parsed.success) return { message: body.trim().slice(0, MAX_MESSAGE), type: null };
  const { message, Message, __type, code } = parsed.data;
  return { message: message ?? Message ?? '', type: normalizeErrorType(__type ?? code) };
}

/** An HTTP error answer of Bedrock Runtime. */
export function errorFromBedrockResponse(status: number, headers: Headers, body: string, ctx: BedrockErrorContext, nowMs = Date.now()): ProviderError {
  const header = headers['x-amzn-errortype'];
  const parsed = parseBody(body);
  const type = normalizeErrorType(Array.isArray(header) ? header[0] : header) ?? parsed.type;
  const kind = kindForAwsError(type, status, parsed.message);
  const text = scrubAll(`${ctx.label} answered ${status}${type ? ` ${type}` : ''}: ${parsed.message.slice(0, MAX_MESSAGE) || '(no message)'}`, ctx.secrets);
  return new ProviderError(kind, text, status, kind === 'rate_limited' ? parseRetryAfter(headers, nowMs) : null);
}

/** An exception event inside a ConverseStream (`:message-type: exception`). */
export function errorFromStreamException(exceptionType: string, payload: string, ctx: BedrockErrorContext): ProviderError {
  const type = normalizeErrorType(exceptionType);
  const { message } = parseBody(payload);
  const kind = kindForAwsError(type, null, message);
  return new ProviderError(kind, scrubAll(`${ctx.label} sent ${exceptionType} in the stream: ${message.slice(0, MAX_MESSAGE) || '(no message)'}`, ctx.secrets));
}
