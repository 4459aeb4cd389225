import { randomUUID } from 'node:crypto';
import { EmbeddingsResponse, type ChatCompletion, type ChatCompletionChunk } from '@gatehouse/contracts';
import { CallDeadline, errorFromTransport, postJson, readBody, sharedPools, type ErrorContext, type PoolRegistry } from '../http';
import { parseCompletion, toOpenAIBody, type Envelope } from '../openai/chat-completions';
import { openAIChunks } from '../openai/stream';
import { sseEvents } from '../sse';
import { ProviderError, type EmbeddingsCall, type ProviderAdapter, type ProviderCall } from '../types';
import { azureCredential, azureEndpoint, azureHeaders } from './api';
import { isFilterOnlyChunk, toAzureEmbeddingsBody } from './transforms';

export { AZURE_DEFAULT_API_VERSION, azureCredential, azureEndpoint, azureHeaders, type AzureOperation } from './api';
export * from './transforms';

export interface AzureAdapterOptions {
  pools?: PoolRegistry;
  now?: () => number;
}

/**
 * Provider `azure/`: Azure OpenAI. The wire is OpenAI's, so the OpenAI transforms and stream
 * parser do the translation; Azure's differences are the URL, the credential headers, the
 * content-filter answers (a 400 with `code: content_filter` is mapped by the shared error
 * mapping; `finish_reason: content_filter` passes through) and the stream's first chunk, which
 * carries only `prompt_filter_results` and is not forwarded.
 */
export function createAzureAdapter(options: AzureAdapterOptions = {}): ProviderAdapter {
  const pools = options.pools ?? sharedPools;
  const now = options.now ?? Date.now;
  const envelope = (): Envelope => ({ nowS: Math.floor(now() / 1000), id: `chatcmpl-gh-${randomUUID()}` });
  const context = (call: Pick<ProviderCall, 'deployment' | 'apiKey' | 'params'>): ErrorContext => ({
    label: `azure/${call.deployment.providerModel}`,
    apiKey: azureCredential(call.apiKey, call.params).secret,
  });

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    const ctx = context(call);
    const endpoint = azureEndpoint(call.deployment, 'chat/completions');
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toOpenAIBody(call.request, call.deployment, false));
      const body = await postJson(pools, endpoint, azureHeaders(call.apiKey, call.params, call.deployment, false), payload, deadline, ctx);
      deadline.firstByte();
      return parseCompletion(await readBody(body, deadline, ctx), call.deployment, envelope(), ctx);
    } finally {
      deadline.dispose();
    }
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const ctx = context(call);
    const endpoint = azureEndpoint(call.deployment, 'chat/completions');
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toOpenAIBody(call.request, call.deployment, true));
      const body = await postJson(pools, endpoint, azureHeaders(call.apiKey, call.params, call.deployment, true), payload, deadline, ctx);
      try {
        for await (const chunk of openAIChunks(sseEvents(body), call.deployment, envelope(), ctx)) {
          deadline.firstByte();
          if (!isFilterOnlyChunk(chunk)) yield chunk;
        }
      } catch (err) {
        throw deadline.failure() ?? errorFromTransport(err, 'body', ctx);
      }
    } finally {
      deadline.dispose();
    }
  }

  async function embeddings(call: EmbeddingsCall): Promise<EmbeddingsResponse> {
    const ctx = context(call);
    const endpoint = azureEndpoint(call.deployment, 'embeddings');
    const deadline = new CallDeadline({ signal: call.signal, firstByteTimeoutMs: call.timeoutMs, timeoutMs: call.timeoutMs }, ctx.label);
    try {
      const payload = JSON.stringify(toAzureEmbeddingsBody(call.request));
      const body = await postJson(pools, endpoint, azureHeaders(call.apiKey, call.params, call.deployment, false), payload, deadline, ctx);
      deadline.firstByte();
      const text = await readBody(body, deadline, ctx);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ProviderError('server', `${ctx.label}: response is not JSON`);
      }
      const parsed = EmbeddingsResponse.safeParse(json);
      if (!parsed.success) throw new ProviderError('server', `${ctx.label}: unexpected embeddings response (${parsed.error.issues[0]?.message ?? 'body'})`);
      return parsed.data;
    } finally {
      deadline.dispose();
    }
  }

  return { providers: ['azure'], chat, chatStream, embeddings };
}

export const azureAdapter = createAzureAdapter();
