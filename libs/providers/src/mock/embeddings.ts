import { createHash } from 'node:crypto';
import type { EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import { countWords, type MockDeployment } from './chat-completions';

/**
 * The mock model's embeddings, as pure functions of the input: each text is hashed (SHA-256) into
 * the seed of a small PRNG whose draws, normalized to length 1, are the vector. Equal inputs embed
 * equally on every run and machine. `dimensions` is honoured (default 1536, or the deployment's
 * `mock_dimensions`); `encoding_format: base64` gives little-endian float32 bytes, as OpenAI does.
 * Usage counts whitespace-separated words (token arrays: one token per id), like the mock's chat.
 */

export const MOCK_EMBEDDING_DIMENSIONS = 1536;

/** The inputs as texts (a token array is embedded by its joined ids) and their token count. */
export function mockInputs(input: EmbeddingsRequest['input']): { texts: string[]; tokens: number } {
  if (typeof input === 'string') return { texts: [input], tokens: countWords(input) };
  if (input.every((x): x is number => typeof x === 'number')) return { texts: [input.join(',')], tokens: input.length };
  const texts: string[] = [];
  let tokens = 0;
  for (const x of input as (string | number[])[]) {
    texts.push(typeof x === 'string' ? x : x.join(','));
    tokens += typeof x === 'string' ? countWords(x) : x.length;
  }
  return { texts, tokens };
}

export function mockVector(text: string, dimensions: number): Float32Array {
  let seed = createHash('sha256').update(text).digest().readUInt32LE(0);
  const v = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const x = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
    v[i] = x;
    norm += x * x;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < dimensions; i++) v[i] *= scale;
  return v;
}

/** Little-endian float32, whatever the host's byte order. */
export function float32Base64(v: Float32Array): string {
  const buf = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i], i * 4);
  return buf.toString('base64');
}

export function mockEmbeddings(request: EmbeddingsRequest, deployment: MockDeployment): EmbeddingsResponse {
  const configured = deployment.extra.mock_dimensions;
  const dims = request.dimensions ?? (typeof configured === 'number' && configured > 0 ? configured : MOCK_EMBEDDING_DIMENSIONS);
  const { texts, tokens } = mockInputs(request.input);
  const data = texts.map((text, index) => {
    const v = mockVector(text, dims);
    return { object: 'embedding' as const, index, embedding: request.encoding_format === 'base64' ? float32Base64(v) : Array.from(v) };
  });
  return { object: 'list', data, model: deployment.providerModel, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
