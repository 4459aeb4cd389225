import { HttpException } from '@nestjs/common';
import { GatehouseError } from '@gatehouse/contracts';

/**
 * Pure: any failure as the GatehouseError the client will see. Fastify's own errors (body
 * parsing, body size, media type) and Nest's HttpExceptions (unknown route) get the OpenAI error
 * shape too; anything unexpected is a 500 whose message says nothing about internals.
 */
export function toClientError(err: unknown): GatehouseError {
  if (err instanceof GatehouseError) return err;
  const code = (err as { code?: string })?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GatehouseError('request_too_large', 'Request body is larger than the configured limit (gatehouse.max_request_body_bytes).');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new GatehouseError('invalid_json', `The request body is not valid JSON: ${(err as Error).message}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new GatehouseError('invalid_request', 'Unsupported Content-Type: send application/json.', { status: 415 });
  }
  if (err instanceof SyntaxError) return new GatehouseError('invalid_json', `The request body is not valid JSON: ${err.message}`);
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) return new GatehouseError('not_found', `Unknown route: ${err.message.replace(/^Cannot /, '')}`);
    if (status === 413) return toClientError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    if (status === 415) return toClientError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    // Nest hands Fastify's body-parser errors over as HttpException(message, status), code lost.
    if (status === 400 && /content-type is set to 'application\/json'/.test(err.message)) {
      return new GatehouseError('invalid_json', `The request body is not valid JSON: ${err.message}`);
    }
    if (status < 500) return new GatehouseError('invalid_request', err.message, { status });
  }
  const statusCode = (err as { statusCode?: number })?.statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return new GatehouseError('invalid_request', (err as Error).message, { status: statusCode });
  }
  return new GatehouseError('internal_error', 'Internal error.', {}, { cause: err });
}
