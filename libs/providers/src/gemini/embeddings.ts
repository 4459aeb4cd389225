import type { EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { modelResource } from './api';
import type { WireBatchEmbeddings } from './wire';

/**
 * OpenAI embeddings ⇄ Gemini `batchEmbedContents`: one `EmbedContentRequest` per input, OpenAI's
 * `dimensions` as `outputDimensionality`. Gemini embeds text only (token arrays are a 400) and
 * reports no token count, so usage is estimated at 4 characters a token.
 */

export function embeddingTexts(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.every((x): x is string => typeof x === 'string')) return input;
  throw new ProviderError('bad_request', 'Gemini embeds text only: input must be a string or an array of strings');
}

export function toBatchEmbedBody(request: EmbeddingsRequest, model: string, taskType?: string): Record<string, unknown> {
  const resource = modelResource(model);
  return {
    requests: embeddingTexts(request.input).map((text) => ({
      model: resource,
      content: { parts: [{ text }] },
      ...(request.dimensions !== undefined ? { outputDimensionality: request.dimensions } : {}),
      ...(taskType ? { taskType } : {}),
    })),
  };
}

export function estimateTokens(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
}

/** Floats, or OpenAI's base64 form: little-endian float32. */
export function encodeEmbedding(values: readonly number[], format: EmbeddingsRequest['encoding_format']): number[] | string {
  if (format !== 'base64') return [...values];
  const buf = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

export function fromBatchEmbeddings(wire: WireBatchEmbeddings, request: EmbeddingsRequest, model: string): EmbeddingsResponse {
  const tokens = estimateTokens(embeddingTexts(request.input));
  return {
    object: 'list',
    data: wire.embeddings.map((e, index) => ({ object: 'embedding', index, embedding: encodeEmbedding(e.values, request.encoding_format) })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
