import { randomUUID } from 'node:crypto';
import { embedText } from '../embeddings';
import { countWords } from '../text';

/**
 * InvokeModel for the embedding models: Titan (`{inputText, dimensions?, normalize?}` → one
 * vector) and Cohere (`{texts, input_type}` → a batch). Vectors are the OpenAI side's
 * deterministic unit vectors; token counts (words) also go in `x-amzn-bedrock-input-token-count`.
 */

export type InvokeResult = { ok: true; body: string; inputTokens: number } | { ok: false; message: string };

const MALFORMED = 'Malformed input request, please reformat your input and try again.';
const TITAN_V2_DIMENSIONS = [256, 512, 1024];
const COHERE_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'];

function titan(modelId: string, body: Record<string, unknown>): InvokeResult {
  if (typeof body.inputText !== 'string' || body.inputText === '') return { ok: false, message: `${MALFORMED} #: required key [inputText] not found` };
  const v2 = modelId.includes('titan-embed-text-v2');
  let dims = v2 ? 1024 : 1536;
  if (body.dimensions !== undefined) {
    if (!v2) return { ok: false, message: `${MALFORMED} #: extraneous key [dimensions] is not permitted` };
    if (!TITAN_V2_DIMENSIONS.includes(body.dimensions as number)) return { ok: false, message: `${MALFORMED} #/dimensions: ${String(body.dimensions)} is not a valid enum value` };
    dims = body.dimensions as number;
  }
  const embedding = Array.from(embedText(body.inputText, dims));
  const tokens = countWords(body.inputText);
  return { ok: true, body: JSON.stringify({ embedding, embeddingsByType: { float: embedding }, inputTextTokenCount: tokens }), inputTokens: tokens };
}

function cohere(body: Record<string, unknown>): InvokeResult {
  const { texts, input_type } = body;
  if (!Array.isArray(texts) || texts.length === 0 || texts.length > 96 || !texts.every((t) => typeof t === 'string')) {
    return { ok: false, message: `${MALFORMED} #/texts: expected 1 to 96 strings` };
  }
  if (typeof input_type !== 'string') return { ok: false, message: `${MALFORMED} #: required key [input_type] not found` };
  if (!COHERE_INPUT_TYPES.includes(input_type)) return { ok: false, message: `${MALFORMED} #/input_type: ${input_type} is not a valid enum value` };
  const embeddings = (texts as string[]).map((t) => Array.from(embedText(t, 1024)));
  const tokens = (texts as string[]).reduce((n, t) => n + countWords(t), 0);
  return { ok: true, body: JSON.stringify({ embeddings, id: randomUUID(), response_type: 'embeddings_floats', texts }), inputTokens: tokens };
}

export function invokeModel(modelId: string, body: unknown): InvokeResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, message: MALFORMED };
  const id = modelId.replace(/^(us|eu|apac|global)\./, '');
  if (id.startsWith('amazon.titan-embed')) return titan(id, body as Record<string, unknown>);
  if (id.startsWith('cohere.embed')) return cohere(body as Record<string, unknown>);
  return { ok: false, message: 'The simulator serves InvokeModel only for amazon.titan-embed-* and cohere.embed-* models.' };
}
