import type { ChatCompletionChunk, EmbeddingsRequest } from '@gatehouse/contracts';

/** Pure Azure-specific pieces around the OpenAI transforms. */

/**
 * Azure's first stream chunk (and, with asynchronous filtering, some later ones) carries only
 * `prompt_filter_results`, with empty `id`, `model` and `choices`: nothing for the client.
 */
export function isFilterOnlyChunk(chunk: ChatCompletionChunk): boolean {
  return chunk.choices.length === 0 && !chunk.usage;
}

/** The embeddings body: the deployment is in the URL, so no `model`; only fields Azure knows. */
export function toAzureEmbeddingsBody(request: EmbeddingsRequest): Record<string, unknown> {
  const { input, dimensions, encoding_format, user } = request;
  return {
    input,
    ...(dimensions !== undefined ? { dimensions } : {}),
    ...(encoding_format !== undefined ? { encoding_format } : {}),
    ...(user !== undefined ? { user } : {}),
  };
}
