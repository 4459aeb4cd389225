import type { PoolRegistry } from '../http';
import { createGoogleAdapter, unexpected, type GoogleFlavor } from '../gemini/adapter';
import type { ProviderAdapter } from '../types';
import { vertexEndpoint, vertexHeaders, vertexTarget, vertexToken } from './api';
import { fromPredictEmbeddings, toPredictBody, WirePredictEmbeddings } from './embeddings';

export * from './api';
export * from './embeddings';

/**
 * Provider `vertex_ai/`: Gemini on Vertex AI. The translation is Gemini's (same request and
 * response shapes); only the URL (project, location) and the credential (a bearer token) differ.
 */
export const VERTEX_FLAVOR: GoogleFlavor = {
  providers: ['vertex_ai'],
  target: (call, method, stream) => {
    const token = vertexToken(call.apiKey, call.params);
    return {
      endpoint: vertexEndpoint(call.deployment, vertexTarget(call.params), method),
      headers: vertexHeaders(token, call.deployment, stream),
      secret: token,
    };
  },
  embeddings: {
    method: 'predict',
    body: (request, _deployment, params) => toPredictBody(request, typeof params.task_type === 'string' ? params.task_type : undefined),
    response: (json, request, deployment, ctx) => {
      const parsed = WirePredictEmbeddings.safeParse(json);
      if (!parsed.success) throw unexpected(parsed.error.issues[0], ctx);
      return fromPredictEmbeddings(parsed.data, request, deployment.providerModel);
    },
  },
};

export function createVertexAdapter(options: { pools?: PoolRegistry; now?: () => number } = {}): ProviderAdapter {
  return createGoogleAdapter(VERTEX_FLAVOR, options);
}

export const vertexAdapter = createVertexAdapter();
