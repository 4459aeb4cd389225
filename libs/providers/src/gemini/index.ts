import type { EmbeddingsRequest } from '@gatehouse/contracts';
import { type PoolRegistry } from '../http';
import type { ProviderAdapter } from '../types';
import { createGoogleAdapter, unexpected, type GoogleFlavor } from './adapter';
import { geminiEndpoint, geminiHeaders } from './api';
import { fromBatchEmbeddings, toBatchEmbedBody } from './embeddings';
import { WireBatchEmbeddings } from './wire';

export { createGoogleAdapter, type GoogleFlavor, type GoogleTarget, type GoogleAdapterOptions } from './adapter';
export { GEMINI_DEFAULT_BASE, geminiEndpoint, geminiHeaders, modelResource, parseBase, type GoogleMethod } from './api';
export * from './chat-completions';
export * from './embeddings';
export * from './errors';
export { toGeminiMessages, mediaPart, type GeminiContent, type GeminiPart } from './messages';
export { toGeminiSchema } from './schema';
export { geminiChunks } from './stream';
export { googlePost } from './transport';
export * from './wire';

/** Provider `gemini/`: Google AI Studio's Gemini API, key in `x-goog-api-key`. */
export const GEMINI_FLAVOR: GoogleFlavor = {
  providers: ['gemini'],
  target: (call, method, stream) => ({
    endpoint: geminiEndpoint(call.deployment, method),
    headers: geminiHeaders(call.apiKey, call.deployment, stream),
    secret: call.apiKey,
  }),
  embeddings: {
    method: 'batchEmbedContents',
    body: (request: EmbeddingsRequest, deployment, params) =>
      toBatchEmbedBody(request, deployment.providerModel, typeof params.task_type === 'string' ? params.task_type : undefined),
    response: (json, request, deployment, ctx) => {
      const parsed = WireBatchEmbeddings.safeParse(json);
      if (!parsed.success) throw unexpected(parsed.error.issues[0], ctx);
      return fromBatchEmbeddings(parsed.data, request, deployment.providerModel);
    },
  },
};

export function createGeminiAdapter(options: { pools?: PoolRegistry; now?: () => number } = {}): ProviderAdapter {
  return createGoogleAdapter(GEMINI_FLAVOR, options);
}

export const geminiAdapter = createGeminiAdapter();
