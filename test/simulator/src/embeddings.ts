import { countWords, fnv1a } from './text';

/**
 * `POST /v1/embeddings`: unit vectors built from the input's words (lower-cased, punctuation
 * dropped), the sum of one seeded vector per word. Equal inputs embed equally, and inputs that
 * share most words embed close (cosine ≈ shared words / √(words of a × words of b)), as a real
 * model's paraphrases do: enough to test a semantic cache against it.
 */

export interface EmbeddingsBody {
  model: string;
  input: unknown;
  dimensions?: unknown;
  encoding_format?: unknown;
}

/** The inputs as strings (token arrays are embedded by their joined ids), or null when invalid. */
export function embeddingInputs(input: unknown): { texts: string[]; tokens: number } | null {
  if (typeof input === 'string') return { texts: [input], tokens: countWords(input) };
  if (!Array.isArray(input) || input.length === 0) return null;
  if (input.every((x) => typeof x === 'number')) return { texts: [input.join(',')], tokens: input.length };
  const texts: string[] = [];
  let tokens = 0;
  for (const x of input) {
    if (typeof x === 'string') {
      texts.push(x);
      tokens += countWords(x);
    } else if (Array.isArray(x) && x.every((t) => typeof t === 'number')) {
      texts.push(x.join(','));
      tokens += x.length;
    } else return null;
  }
  return { texts, tokens };
}

export function embedText(text: string, dimensions: number): Float32Array {
  const v = new Float32Array(dimensions);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text]) addWordVector(v, fnv1a(word));
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += v[i] * v[i];
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < dimensions; i++) v[i] *= scale;
  return v;
}

/** Adds a word's deterministic vector (mulberry32 from the word's hash: well-spread components). */
function addWordVector(v: Float32Array, seed: number): void {
  for (let i = 0; i < v.length; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    v[i] += ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
}

export function renderEmbeddings(body: EmbeddingsBody, texts: string[], tokens: number, defaultDimensions: number): string {
  const dims = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.floor(body.dimensions) : defaultDimensions;
  const base64 = body.encoding_format === 'base64';
  const data = texts.map((text, index) => {
    const v = embedText(text, dims);
    const embedding = base64 ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : Array.from(v);
    return { object: 'embedding', index, embedding };
  });
  return JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}
