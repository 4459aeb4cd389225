import { embedText } from '../embeddings';
import { countWords } from '../text';

/**
 * Google embeddings: the Gemini API's `batchEmbedContents` and Vertex AI's `predict` for text
 * embedding models, with the same deterministic unit vectors as the OpenAI route.
 */

type Obj = Record<string, unknown>;

/** `text-embedding-004` / `text-embedding-005` size when no `outputDimensionality` is asked. */
export const GOOGLE_EMBEDDING_DIMENSIONS = 768;

function dims(v: unknown): number {
  return typeof v === 'number' && v > 0 ? Math.floor(v) : GOOGLE_EMBEDDING_DIMENSIONS;
}

/** `{embeddings: [{values}]}`, or the 400 message when a request is malformed. */
export function batchEmbed(b: Obj): { json: string } | { error: string } {
  if (!Array.isArray(b.requests) || b.requests.length === 0) return { error: '* BatchEmbedContentsRequest.requests: requests is not specified\n' };
  const embeddings: { values: number[] }[] = [];
  for (let i = 0; i < b.requests.length; i++) {
    const r = b.requests[i] as Obj;
    const parts = (r.content as Obj | undefined)?.parts;
    if (!Array.isArray(parts) || parts.length === 0) return { error: `* BatchEmbedContentsRequest.requests[${i}].content.parts: contents.parts must not be empty.\n` };
    const text = parts.map((p) => String((p as Obj).text ?? '')).join(' ');
    embeddings.push({ values: Array.from(embedText(text, dims(r.outputDimensionality))) });
  }
  return { json: JSON.stringify({ embeddings }) };
}

/** Vertex AI `predict`: one prediction per instance, with its token count. */
export function predictEmbed(b: Obj): { json: string } | { error: string } {
  if (!Array.isArray(b.instances) || b.instances.length === 0) return { error: 'Invalid request: instances must not be empty.' };
  const size = dims((b.parameters as Obj | undefined)?.outputDimensionality);
  let chars = 0;
  const predictions = b.instances.map((inst) => {
    const text = String((inst as Obj).content ?? '');
    chars += text.length;
    return { embeddings: { values: Array.from(embedText(text, size)), statistics: { token_count: countWords(text), truncated: false } } };
  });
  return { json: JSON.stringify({ predictions, metadata: { billableCharacterCount: chars } }) };
}
