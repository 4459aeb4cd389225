import type { ContentLevel, EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import type { ContentErrorDoc } from './content-document';

type Input = EmbeddingsRequest['input'];

/** Pure: each input's size — characters for text, token count for a pre-tokenized input. */
function inputShape(input: Input): ({ chars: number } | { tokens: number })[] {
  if (typeof input === 'string') return [{ chars: input.length }];
  if (input.every((x) => typeof x === 'number')) return [{ tokens: input.length }];
  return (input as (string | number[])[]).map((x) => (typeof x === 'string' ? { chars: x.length } : { tokens: x.length }));
}

/** Floats per vector: an array's length, or a base64 float32 string's bytes / 4. */
const dimsOf = (e: number[] | string): number => (typeof e === 'string' ? Math.floor(Buffer.byteLength(e, 'base64') / 4) : e.length);

/**
 * Pure: what is sealed for an embeddings request (docs/adr/0012). Every level has the shape (input
 * sizes, how many vectors of how many dimensions, usage) and the error of a refused one; `full`
 * adds the input. Never the vectors: an auditor reads the text, the vectors can be recomputed from
 * it, and they would multiply the stored size by ~100. The guard does not scan embeddings, so
 * `redacted` is degraded to `metadata` by the caller (contentPlan) before this is called.
 */
export function embeddingsDocument(level: ContentLevel, req: EmbeddingsRequest, response: EmbeddingsResponse | null, error?: ContentErrorDoc) {
  const shape = {
    model: req.model,
    inputs: inputShape(req.input),
    ...(req.encoding_format ? { encoding_format: req.encoding_format } : {}),
    ...(req.dimensions ? { dimensions: req.dimensions } : {}),
    vectors: response?.data.map((d) => ({ index: d.index, dims: dimsOf(d.embedding) })) ?? [],
    usage: response ? { prompt_tokens: response.usage.prompt_tokens, total_tokens: response.usage.total_tokens } : null,
  };
  const doc = { v: 1, kind: 'embeddings' as const, level, shape, ...(error ? { error } : {}) };
  return level === 'metadata' ? doc : { ...doc, request: { model: req.model, input: req.input } };
}
