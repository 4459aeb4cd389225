import { z } from 'zod';
import type { EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import { embeddingTexts, encodeEmbedding } from '../gemini/embeddings';

/**
 * OpenAI embeddings ⇄ Vertex AI text embeddings (`:predict`): one instance per input, OpenAI's
 * `dimensions` as `parameters.outputDimensionality`; usage from each prediction's token count.
 */

export const WirePredictEmbeddings = z.looseObject({
  predictions: z.array(
    z.looseObject({
      embeddings: z.looseObject({
        values: z.array(z.number()),
        statistics: z.looseObject({ token_count: z.number().nonnegative().optional() }).optional(),
      }),
    }),
  ),
});
export type WirePredictEmbeddings = z.infer<typeof WirePredictEmbeddings>;

export function toPredictBody(request: EmbeddingsRequest, taskType?: string): Record<string, unknown> {
  const instances = embeddingTexts(request.input).map((content) => ({ content, ...(taskType ? { task_type: taskType } : {}) }));
  return { instances, ...(request.dimensions !== undefined ? { parameters: { outputDimensionality: request.dimensions } } : {}) };
}

export function fromPredictEmbeddings(wire: WirePredictEmbeddings, request: EmbeddingsRequest, model: string): EmbeddingsResponse {
  const tokens = wire.predictions.reduce((n, p) => n + Math.round(p.embeddings.statistics?.token_count ?? 0), 0);
  return {
    object: 'list',
    data: wire.predictions.map((p, index) => ({ object: 'embedding', index, embedding: encodeEmbedding(p.embeddings.values, request.encoding_format) })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
