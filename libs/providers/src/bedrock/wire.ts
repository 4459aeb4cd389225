import { z } from 'zod';

/**
 * What Bedrock Runtime sends back (Converse, ConverseStream event payloads, InvokeModel bodies of
 * the embedding models, error bodies). Loose: AWS adds fields (`metrics`, `trace`, the stream's
 * `p` padding) that we neither need nor want to reject.
 */

export const ConverseUsage = z.looseObject({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative().optional(),
  cacheReadInputTokens: z.number().int().nonnegative().nullish(),
  cacheWriteInputTokens: z.number().int().nonnegative().nullish(),
});
export type ConverseUsage = z.infer<typeof ConverseUsage>;

/** One content block of an assistant message: exactly one member is set. */
export const ConverseOutputBlock = z.looseObject({
  text: z.string().optional(),
  toolUse: z.looseObject({ toolUseId: z.string(), name: z.string(), input: z.unknown() }).optional(),
  reasoningContent: z.looseObject({ reasoningText: z.looseObject({ text: z.string() }).optional() }).optional(),
});
export type ConverseOutputBlock = z.infer<typeof ConverseOutputBlock>;

export const ConverseResponse = z.looseObject({
  output: z.looseObject({
    message: z.looseObject({ role: z.string(), content: z.array(ConverseOutputBlock) }).optional(),
  }),
  stopReason: z.string(),
  usage: ConverseUsage.optional(),
});
export type ConverseResponse = z.infer<typeof ConverseResponse>;

// ConverseStream events, by `:event-type`.

export const MessageStartEvent = z.looseObject({ role: z.string() });
export const ContentBlockStartEvent = z.looseObject({
  contentBlockIndex: z.number().int(),
  start: z.looseObject({ toolUse: z.looseObject({ toolUseId: z.string(), name: z.string() }).optional() }),
});
export const ContentBlockDeltaEvent = z.looseObject({
  contentBlockIndex: z.number().int(),
  delta: z.looseObject({
    text: z.string().optional(),
    toolUse: z.looseObject({ input: z.string() }).optional(),
    reasoningContent: z.looseObject({ text: z.string().optional() }).optional(),
  }),
});
export const ContentBlockStopEvent = z.looseObject({ contentBlockIndex: z.number().int() });
export const MessageStopEvent = z.looseObject({ stopReason: z.string() });
export const MetadataEvent = z.looseObject({ usage: ConverseUsage.optional() });

/** Error bodies: REST-JSON `{message}`; some front ends answer `{Message}` or carry `__type`/`code`. */
export const AwsErrorBody = z.looseObject({
  message: z.string().optional(),
  Message: z.string().optional(),
  __type: z.string().optional(),
  code: z.string().optional(),
});
export type AwsErrorBody = z.infer<typeof AwsErrorBody>;

/** InvokeModel, `amazon.titan-embed-text-*`. */
export const TitanEmbeddingResponse = z.looseObject({
  embedding: z.array(z.number()),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});

/** InvokeModel, `cohere.embed-*` (float embeddings, the default `embedding_types`). */
export const CohereEmbeddingResponse = z.looseObject({
  embeddings: z.union([z.array(z.array(z.number())), z.looseObject({ float: z.array(z.array(z.number())) })]),
});
