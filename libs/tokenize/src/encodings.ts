import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';

/** The BPE encodings Gatehouse counts with, and which model uses which. */

export const Encodings = { o200k_base: 'o200k_base', cl100k_base: 'cl100k_base' } as const;
export type Encoding = (typeof Encodings)[keyof typeof Encodings];

/** Families on cl100k_base (GPT-4 before 4o, GPT-3.5, the v2/v3 embedding models). Everything else: o200k_base. */
const CL100K = [/^gpt-4(?![o.])/, /^gpt-3\.5/, /^gpt-35/, /^text-embedding-/];

/**
 * Pure: the encoding for a model name, with or without its `provider/` prefix. o200k_base (gpt-4o,
 * gpt-4.1, gpt-5, o-series) is also the estimate for models of other vendors: no tokenizer of
 * ours is exact for them, and a count is only used as a budget estimate.
 */
export function encodingFor(model: string): Encoding {
  const name = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return CL100K.some((re) => re.test(name)) ? Encodings.cl100k_base : Encodings.o200k_base;
}

const COUNTERS: Record<Encoding, (text: string) => number> = {
  // Special-token text (`<|endoftext|>`) in user content is counted as plain text, never refused.
  o200k_base: (text) => o200k.encode(text, { disallowedSpecial: new Set() }).length,
  cl100k_base: (text) => cl100k.encode(text, { disallowedSpecial: new Set() }).length,
};

export function counterFor(encoding: Encoding): (text: string) => number {
  return COUNTERS[encoding];
}
