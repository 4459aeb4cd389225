import { randomUUID } from 'node:crypto';
import type { ChatCompletion, ChatCompletionChunk, EmbeddingsResponse } from '@gatehouse/contracts';
import { CallDeadline, errorFromTransport, readBody, sharedPools, type PoolRegistry } from '../http';
import type { EmbeddingsCall, ProviderAdapter, ProviderCall } from '../types';
import { operationPath, resolveTarget, signRequest, type BedrockTarget } from './api';
import { parseConverseResponse, type Envelope } from './chat-completions';
import { toConverseRequest } from './converse-request';
import { embeddingBodies, embeddingFamily, embeddingTexts, toEmbeddingsResponse, type InvokeAnswer } from './embeddings';
import type { BedrockErrorContext } from './errors';
import { eventStreamMessages } from './event-stream';
import { converseChunks } from './stream';
import { postSigned } from './transport';

export * from './api';
export * from './chat-completions';
export * from './converse-request';
export * from './embeddings';
export * from './errors';
export * from './event-stream';
export { converseChunks } from './stream';

export interface BedrockAdapterOptions {
  /** Connection pools; the process-wide registry by default. */
  pools?: PoolRegistry;
  /** Clock for `created` and the signature date. */
  now?: () => number;
}

/** Provider `bedrock`: Converse / ConverseStream for chat, InvokeModel for Titan and Cohere embeddings, SigV4-signed. */
export function createBedrockAdapter(options: BedrockAdapterOptions = {}): ProviderAdapter {
  const pools = options.pools ?? sharedPools;
  const now = options.now ?? Date.now;
  const envelope = (target: BedrockTarget): Envelope => ({ id: `chatcmpl-gh-${randomUUID()}`, nowS: Math.floor(now() / 1000), model: target.modelId });
  const context = (target: BedrockTarget): BedrockErrorContext => ({
    label: `bedrock/${target.modelId}`,
    secrets: [target.credentials.secretAccessKey, ...(target.credentials.sessionToken ? [target.credentials.sessionToken] : [])],
  });

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    const target = resolveTarget(call.deployment, call.params);
    const ctx = context(target);
    const payload = JSON.stringify(toConverseRequest(call.request, call.params));
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const signed = await signRequest(target, operationPath(target, 'converse'), payload, 'application/json', new Date(now()));
      const { body } = await postSigned(pools, signed, deadline, ctx);
      deadline.firstByte();
      const text = await readBody(body, deadline, { label: ctx.label, apiKey: target.credentials.secretAccessKey });
      return parseConverseResponse(text, envelope(target), ctx.label);
    } finally {
      deadline.dispose();
    }
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const target = resolveTarget(call.deployment, call.params);
    const ctx = context(target);
    const payload = JSON.stringify(toConverseRequest(call.request, call.params));
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const signed = await signRequest(target, operationPath(target, 'converse-stream'), payload, 'application/vnd.amazon.eventstream', new Date(now()));
      const { body } = await postSigned(pools, signed, deadline, ctx);
      try {
        for await (const chunk of converseChunks(eventStreamMessages(body, () => body.destroy()), envelope(target), ctx)) {
          deadline.firstByte();
          yield chunk;
        }
      } catch (err) {
        throw deadline.failure() ?? errorFromTransport(err, 'body', { label: ctx.label, apiKey: target.credentials.secretAccessKey });
      }
    } finally {
      deadline.dispose();
    }
  }

  async function embeddings(call: EmbeddingsCall): Promise<EmbeddingsResponse> {
    const target = resolveTarget(call.deployment, call.params);
    const ctx = context(target);
    const family = embeddingFamily(target.modelId);
    const bodies = embeddingBodies(family, embeddingTexts(call.request.input), call.request);
    const deadline = new CallDeadline({ signal: call.signal, firstByteTimeoutMs: call.timeoutMs, timeoutMs: call.timeoutMs }, ctx.label);
    try {
      const invoke = async (body: Record<string, unknown>): Promise<InvokeAnswer> => {
        const signed = await signRequest(target, operationPath(target, 'invoke'), JSON.stringify(body), 'application/json', new Date(now()));
        const res = await postSigned(pools, signed, deadline, ctx);
        const count = Number(res.headers['x-amzn-bedrock-input-token-count']);
        const text = await readBody(res.body, deadline, { label: ctx.label, apiKey: target.credentials.secretAccessKey });
        return { body: text, inputTokens: Number.isFinite(count) && res.headers['x-amzn-bedrock-input-token-count'] !== undefined ? count : null };
      };
      const answers = await Promise.all(bodies.map(invoke));
      return toEmbeddingsResponse(family, answers, call.request, target.modelId, ctx.label);
    } finally {
      deadline.dispose();
    }
  }

  return { providers: ['bedrock'], chat, chatStream, embeddings };
}

export const bedrockAdapter = createBedrockAdapter();
