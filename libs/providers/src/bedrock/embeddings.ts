import type { EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { CohereEmbeddingResponse, TitanEmbeddingResponse } from './wire';

/**
 * Pure translation of OpenAI embeddings to Bedrock InvokeModel bodies and back. Titan embeds one
 * text per call (`{inputText, dimensions}`); Cohere takes a batch (`{texts, input_type}`).
 * Token counts come from the `x-amzn-bedrock-input-token-count` header when Titan's body has none.
 */

export const EmbeddingFamily = { titan: 'titan', cohere: 'cohere' } as const;
export type EmbeddingFamily = (typeof EmbeddingFamily)[keyof typeof EmbeddingFamily];

/** Cohere on Bedrock takes at most 96 texts per call. */
export const COHERE_MAX_TEXTS = 96;

export function embeddingFamily(modelId: string): EmbeddingFamily {
  // Cross-region profiles prefix the id with a geography (`us.cohere.embed-…`).
  const id = modelId.replace(/^(us|eu|apac|us-gov|global)\./, '');
  if (id.startsWith('amazon.titan-embed')) return 'titan';
  if (id.startsWith('cohere.embed')) return 'cohere';
  throw new ProviderError('bad_request', `bedrock: ${modelId} is not an embedding model this adapter knows (amazon.titan-embed-*, cohere.embed-*)`);
}

export function embeddingTexts(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.every((x): x is string => typeof x === 'string')) return input;
  throw new ProviderError('bad_request', 'bedrock: token-array inputs are not supported, send text');
}

/** The InvokeModel bodies for a request: one per text for Titan, batches for Cohere. */
export function embeddingBodies(family: EmbeddingFamily, texts: readonly string[], request: Pick<EmbeddingsRequest, 'dimensions'>): Record<string, unknown>[] {
  if (family === 'titan') return texts.map((inputText) => ({ inputText, ...(request.dimensions ? { dimensions: request.dimensions } : {}) }));
  if (request.dimensions) throw new ProviderError('bad_request', 'bedrock: cohere embedding models do not take dimensions');
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < texts.length; i += COHERE_MAX_TEXTS) out.push({ texts: texts.slice(i, i + COHERE_MAX_TEXTS), input_type: 'search_document' });
  return out;
}

/** One InvokeModel answer: its body and the token count header. */
export interface InvokeAnswer {
  body: string;
  inputTokens: number | null;
}

function vectorsOf(family: EmbeddingFamily, body: string, label: string): { vectors: number[][]; tokens: number | null } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ProviderError('server', `${label}: response is not JSON`);
  }
  if (family === 'titan') {
    const parsed = TitanEmbeddingResponse.safeParse(json);
    if (!parsed.success) throw new ProviderError('server', `${label}: unexpected Titan embedding response`);
    return { vectors: [parsed.data.embedding], tokens: parsed.data.inputTextTokenCount ?? null };
  }
  const parsed = CohereEmbeddingResponse.safeParse(json);
  if (!parsed.success) throw new ProviderError('server', `${label}: unexpected Cohere embedding response`);
  const e = parsed.data.embeddings;
  return { vectors: Array.isArray(e) ? e : e.float, tokens: null };
}

export function base64Float32(vector: readonly number[]): string {
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

/** The answers of `embeddingBodies`, in order, as one OpenAI embeddings list. */
export function toEmbeddingsResponse(
  family: EmbeddingFamily,
  answers: readonly InvokeAnswer[],
  request: Pick<EmbeddingsRequest, 'encoding_format'>,
  model: string,
  label: string,
): EmbeddingsResponse {
  const data: EmbeddingsResponse['data'] = [];
  let tokens = 0;
  for (const answer of answers) {
    const { vectors, tokens: bodyTokens } = vectorsOf(family, answer.body, label);
    tokens += bodyTokens ?? answer.inputTokens ?? 0;
    for (const v of vectors) {
      data.push({ object: 'embedding', index: data.length, embedding: request.encoding_format === 'base64' ? base64Float32(v) : v });
    }
  }
  return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
