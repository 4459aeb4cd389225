import { z } from 'zod';

/**
 * What the Gemini API (AI Studio `v1beta`, and Vertex AI `v1`, which share the shapes) sends back:
 * `GenerateContentResponse`, the `google.rpc.Status` error body and `batchEmbedContents`. Loose,
 * so fields added by Google (`avgLogprobs`, `citationMetadata`, `createTime`) are tolerated.
 */

export const WireFunctionCall = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  args: z.record(z.string(), z.unknown()).nullish(),
});

export const WirePart = z.looseObject({
  text: z.string().optional(),
  /** A thought summary (thinking models with `includeThoughts`), not answer text. */
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  functionCall: WireFunctionCall.optional(),
});
export type WirePart = z.infer<typeof WirePart>;

export const WireCandidate = z.looseObject({
  index: z.number().int().optional(),
  content: z.looseObject({ role: z.string().optional(), parts: z.array(WirePart).optional() }).optional(),
  finishReason: z.string().optional(),
  safetyRatings: z.array(z.unknown()).optional(),
});
export type WireCandidate = z.infer<typeof WireCandidate>;

export const WireUsageMetadata = z.looseObject({
  promptTokenCount: z.number().int().nonnegative().optional(),
  candidatesTokenCount: z.number().int().nonnegative().optional(),
  totalTokenCount: z.number().int().nonnegative().optional(),
  cachedContentTokenCount: z.number().int().nonnegative().optional(),
  thoughtsTokenCount: z.number().int().nonnegative().optional(),
  toolUsePromptTokenCount: z.number().int().nonnegative().optional(),
});
export type WireUsageMetadata = z.infer<typeof WireUsageMetadata>;

export const WireResponse = z.looseObject({
  candidates: z.array(WireCandidate).optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional(), blockReasonMessage: z.string().optional() }).optional(),
  usageMetadata: WireUsageMetadata.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});
export type WireResponse = z.infer<typeof WireResponse>;

/** `google.rpc.Status` as JSON: `{ error: { code, message, status, details } }`. */
export const WireError = z.looseObject({
  error: z.looseObject({
    code: z.number().int().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional(), reason: z.string().optional(), retryDelay: z.string().optional() })).optional(),
  }),
});
export type WireError = z.infer<typeof WireError>;

export const WireBatchEmbeddings = z.looseObject({
  embeddings: z.array(z.looseObject({ values: z.array(z.number()) })),
});
export type WireBatchEmbeddings = z.infer<typeof WireBatchEmbeddings>;
