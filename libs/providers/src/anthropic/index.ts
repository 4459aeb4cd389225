import type { ChatCompletion, ChatCompletionChunk } from '@gatehouse/contracts';
import { CallDeadline, errorFromTransport, postJson, readBody, sharedPools, type ErrorContext, type PoolRegistry } from '../http';
import { sseEvents } from '../sse';
import type { ProviderAdapter, ProviderCall } from '../types';
import { anthropicHeaders, messagesEndpoint } from './api';
import { refineAnthropicError } from './errors';
import { parseAnthropicMessage, type AnthropicEnvelope } from './message-from-anthropic';
import { toAnthropicBody } from './request-to-anthropic';
import { anthropicChunks } from './stream';

export { ANTHROPIC_BASE, ANTHROPIC_VERSION, anthropicHeaders, messagesEndpoint } from './api';
export { refineAnthropicError } from './errors';
export * from './message-from-anthropic';
export * from './message-to-anthropic';
export * from './request-from-anthropic';
export * from './request-to-anthropic';
export * from './request-wire';
export { anthropicChunks, StreamState } from './stream';
export * from './stream-to-anthropic';
export * from './wire';

export interface AnthropicAdapterOptions {
  /** Connection pools; the process-wide registry by default. */
  pools?: PoolRegistry;
  /** Clock for `created` (Anthropic sends none). */
  now?: () => number;
}

/** Provider `anthropic`: the Messages API. Transport (`api`) + pure translation (the rest). */
export function createAnthropicAdapter(options: AnthropicAdapterOptions = {}): ProviderAdapter {
  const pools = options.pools ?? sharedPools;
  const now = options.now ?? Date.now;
  const envelope = (): AnthropicEnvelope => ({ nowS: Math.floor(now() / 1000) });
  const context = (call: ProviderCall): ErrorContext => ({ label: `${call.deployment.provider}/${call.deployment.providerModel}`, apiKey: call.apiKey });

  async function send(call: ProviderCall, stream: boolean, deadline: CallDeadline, ctx: ErrorContext) {
    const payload = JSON.stringify(toAnthropicBody(call.request, call.deployment, stream));
    try {
      return await postJson(pools, messagesEndpoint(call.deployment), anthropicHeaders(call.apiKey, call.deployment, stream), payload, deadline, ctx);
    } catch (err) {
      throw refineAnthropicError(err);
    }
  }

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    const ctx = context(call);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const body = await send(call, false, deadline, ctx);
      deadline.firstByte();
      return parseAnthropicMessage(await readBody(body, deadline, ctx), call.deployment.providerModel, envelope(), ctx);
    } finally {
      deadline.dispose();
    }
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const ctx = context(call);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const body = await send(call, true, deadline, ctx);
      try {
        for await (const chunk of anthropicChunks(sseEvents(body), call.deployment.providerModel, envelope(), ctx)) {
          deadline.firstByte();
          yield chunk;
        }
      } catch (err) {
        throw deadline.failure() ?? errorFromTransport(err, 'body', ctx);
      }
    } finally {
      deadline.dispose();
    }
  }

  return { providers: ['anthropic'], chat, chatStream };
}

export const anthropicAdapter = createAnthropicAdapter();
