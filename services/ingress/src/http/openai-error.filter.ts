import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, type GatehouseError } from '@gatehouse/contracts';
import type { Logger } from '@gatehouse/telemetry';
import { toAnthropicError } from '../protocols/anthropic-error';
import { toClientError } from './client-error';

/** Writes a GatehouseError as the OpenAI error object, with its status and headers. */
export function sendError(reply: FastifyReply, err: GatehouseError, body: unknown = err.toOpenAI()): void {
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.end();
    return;
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(err.details.headers ?? {}) };
  if (err.details.retryAfter !== undefined) headers['retry-after'] = String(err.details.retryAfter);
  void reply.code(err.status).headers(headers).send(JSON.stringify(body));
}

/** Every error a route, a parser or Nest raises leaves as `{ error: { message, type, code } }`. */
@Catch()
export class OpenAIErrorFilter implements ExceptionFilter {
  constructor(private readonly log: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const err = toClientError(exception);
    if (ErrorCodes[err.code].level === 'error') this.log.error({ err: exception, code: err.code }, 'request failed');
    const http = host.switchToHttp();
    // Anthropic SDK clients (`/v1/messages`) get Anthropic's error shape, also for errors raised
    // before any route ran (body parsing), which only this filter sees.
    const url = http.getRequest<FastifyRequest>().url ?? '';
    const body = /^\/(v1\/)?messages(\/|\?|$)/.test(url) ? toAnthropicError(err) : err.toOpenAI();
    sendError(http.getResponse<FastifyReply>(), err, body);
  }
}
