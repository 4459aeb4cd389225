import { z } from 'zod';

/**
 * What the Anthropic Messages API sends back (https://docs.anthropic.com/en/api/messages):
 * the message object, the SSE events of a stream and the error body. Loose objects so fields
 * Anthropic adds later are kept; unknown content block and event types are tolerated (the
 * reference says new ones may appear) and ignored by the translators.
 */

export const AnthropicUsage = z.looseObject({
  input_tokens: z.number().int().nonnegative().default(0),
  output_tokens: z.number().int().nonnegative().default(0),
  cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
  cache_read_input_tokens: z.number().int().nonnegative().nullish(),
});
export type AnthropicUsage = z.infer<typeof AnthropicUsage>;

export const TextBlock = z.looseObject({ type: z.literal('text'), text: z.string() });
export const ToolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: z.unknown().default({}),
});
export const ThinkingBlock = z.looseObject({ type: z.literal('thinking'), thinking: z.string(), signature: z.string().optional() });
const OtherBlock = z.looseObject({ type: z.string() });
export const ResponseBlock = z.union([TextBlock, ToolUseBlock, ThinkingBlock, OtherBlock]);
export type ResponseBlock = z.infer<typeof ResponseBlock>;

export const AnthropicMessage = z.looseObject({
  id: z.string(),
  type: z.literal('message').optional(),
  role: z.literal('assistant').optional(),
  model: z.string().optional(),
  content: z.array(ResponseBlock).default([]),
  stop_reason: z.string().nullish(),
  stop_sequence: z.string().nullish(),
  usage: AnthropicUsage.optional(),
});
export type AnthropicMessage = z.infer<typeof AnthropicMessage>;

export const AnthropicErrorBody = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({ type: z.string(), message: z.string() }),
});
export type AnthropicErrorBody = z.infer<typeof AnthropicErrorBody>;

const Delta = z.union([
  z.looseObject({ type: z.literal('text_delta'), text: z.string() }),
  z.looseObject({ type: z.literal('input_json_delta'), partial_json: z.string() }),
  z.looseObject({ type: z.literal('thinking_delta'), thinking: z.string() }),
  z.looseObject({ type: z.string() }), // signature_delta, citations_delta, …
]);

/** The SSE events of a Messages stream, by their `type` (the same as the `event:` line). */
export const StreamEvent = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('message_start'), message: AnthropicMessage }),
  z.looseObject({ type: z.literal('content_block_start'), index: z.number().int().nonnegative(), content_block: ResponseBlock }),
  z.looseObject({ type: z.literal('content_block_delta'), index: z.number().int().nonnegative(), delta: Delta }),
  z.looseObject({ type: z.literal('content_block_stop'), index: z.number().int().nonnegative() }),
  z.looseObject({
    type: z.literal('message_delta'),
    delta: z.looseObject({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }),
    // Cumulative counters; only `output_tokens` is always there (no defaults: absent must not reset).
    usage: z
      .looseObject({
        input_tokens: z.number().int().nonnegative().nullish(),
        output_tokens: z.number().int().nonnegative().nullish(),
        cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
        cache_read_input_tokens: z.number().int().nonnegative().nullish(),
      })
      .optional(),
  }),
  z.looseObject({ type: z.literal('message_stop') }),
  z.looseObject({ type: z.literal('ping') }),
  z.looseObject({ type: z.literal('error'), error: z.looseObject({ type: z.string(), message: z.string() }) }),
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/** Event types of the reference; anything else in a stream is skipped. */
export const KNOWN_EVENTS = new Set(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop', 'ping', 'error']);
