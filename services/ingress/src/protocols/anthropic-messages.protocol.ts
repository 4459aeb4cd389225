import { randomUUID } from 'node:crypto';
import { type ChatCompletionChunk, type EndFrame, GatehouseError } from '@gatehouse/contracts';
import { anthropic } from '@gatehouse/providers';
import type { z } from 'zod';
import type { ClientProtocol, StreamEncoder } from './client-protocol';
import { invalidRequest, toAnthropicError } from './anthropic-error';

/**
 * Anthropic's Messages API (`POST /v1/messages`), so Claude Code and the Anthropic SDKs can use
 * the gateway. Requests become OpenAI chat requests and answers go back as Anthropic messages or
 * SSE events; the translators are the Anthropic adapter's (`@gatehouse/providers`).
 */
export const AnthropicMessagesProtocol: ClientProtocol = {
  endpoint: '/v1/messages',
  parse: (body) => anthropic.fromAnthropicRequest(parseAnthropicBody(body, anthropic.AnthropicRequest)),
  renderCompletion: (completion) => anthropic.toAnthropicMessage(completion),
  renderError: toAnthropicError,
  streamEncoder: (request) => new AnthropicSseEncoder(request.model),
};

/** Pure: the body as `schema`, or a 400 in Anthropic's wording. */
export function parseAnthropicBody<T>(body: unknown, schema: z.ZodType<T>): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GatehouseError('invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error, body);
  return parsed.data;
}

const frames = (events: anthropic.AnthropicEvent[]): Buffer => Buffer.from(events.map(anthropic.sseFrame).join(''));

/** OpenAI chunks (JSON bytes from the router) → Anthropic SSE events, one encoder per answer. */
export class AnthropicSseEncoder implements StreamEncoder {
  readonly contentType = 'text/event-stream; charset=utf-8';
  private readonly writer: anthropic.AnthropicStreamWriter;

  constructor(model: string) {
    this.writer = new anthropic.AnthropicStreamWriter({ id: `msg_gh_${randomUUID().replace(/-/g, '')}`, model });
  }

  chunk(json: Uint8Array): Buffer | null {
    const events = this.writer.chunk(JSON.parse(Buffer.from(json).toString('utf8')) as ChatCompletionChunk);
    return events.length ? frames(events) : null;
  }

  end(frame: EndFrame): Buffer {
    return frames(this.writer.end(frame));
  }

  /** Anthropic's in-stream `error` event; no `message_stop` follows. */
  error(err: GatehouseError): Buffer {
    return Buffer.from(anthropic.sseFrame({ ...toAnthropicError(err) }));
  }
}
