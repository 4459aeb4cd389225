import { randomUUID } from 'node:crypto';
import type { ChatCompletion, ChatCompletionChunk } from '@gatehouse/contracts';
import { CallDeadline, errorFromTransport, postJson, readBody, sharedPools, type ErrorContext, type PoolRegistry } from '../http';
import { sseEvents } from '../sse';
import type { ProviderAdapter, ProviderCall } from '../types';
import { chatEndpoint, OPENAI_COMPATIBLE_PROVIDERS, requestHeaders } from './api';
import { parseCompletion, toOpenAIBody, type Envelope } from './chat-completions';
import { openAIChunks } from './stream';
import { openAIEmbeddings } from './embeddings';

export { OPENAI_COMPATIBLE_BASES, OPENAI_COMPATIBLE_PROVIDERS, chatEndpoint, requestHeaders, resolveEndpoint } from './api';
export * from './chat-completions';
export { openAIChunks } from './stream';
export * from './embeddings';
export * from './wire';

export interface OpenAIAdapterOptions {
  /** Connection pools; the process-wide registry by default. */
  pools?: PoolRegistry;
  /** Clock for `created` when the provider sends none. */
  now?: () => number;
}

/** The adapter for every OpenAI-compatible server: transport (`api`) + translation (`chat-completions`, `stream`). */
export function createOpenAIAdapter(options: OpenAIAdapterOptions = {}): ProviderAdapter {
  const pools = options.pools ?? sharedPools;
  const now = options.now ?? Date.now;
  const envelope = (): Envelope => ({ nowS: Math.floor(now() / 1000), id: `chatcmpl-gh-${randomUUID()}` });
  const context = (call: ProviderCall): ErrorContext => ({ label: `${call.deployment.provider}/${call.deployment.providerModel}`, apiKey: call.apiKey });

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    const ctx = context(call);
    const endpoint = chatEndpoint(call.deployment);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toOpenAIBody(call.request, call.deployment, false));
      const body = await postJson(pools, endpoint, requestHeaders(call.apiKey, call.deployment, false), payload, deadline, ctx);
      deadline.firstByte();
      return parseCompletion(await readBody(body, deadline, ctx), call.deployment, envelope(), ctx);
    } finally {
      deadline.dispose();
    }
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const ctx = context(call);
    const endpoint = chatEndpoint(call.deployment);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toOpenAIBody(call.request, call.deployment, true));
      const body = await postJson(pools, endpoint, requestHeaders(call.apiKey, call.deployment, true), payload, deadline, ctx);
      try {
        for await (const chunk of openAIChunks(sseEvents(body), call.deployment, envelope(), ctx)) {
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

  return { providers: OPENAI_COMPATIBLE_PROVIDERS, chat, chatStream, embeddings: (call) => openAIEmbeddings(pools, call) };
}

export const openAIAdapter = createOpenAIAdapter();
