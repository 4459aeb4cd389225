import { z } from 'zod';

/**
 * The body of `POST /v1/messages` as Anthropic's reference defines it, for clients that speak
 * Anthropic to the gateway (Claude Code, the Anthropic SDKs). Loose objects: fields the
 * translation does not use (`cache_control`, `citations`, `context_management`, …) are accepted.
 */

const CacheControl = z.looseObject({ type: z.string() }).nullish();

const Base64Source = z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() });
const UrlSource = z.looseObject({ type: z.literal('url'), url: z.string() });
const OtherSource = z.looseObject({ type: z.string() });
export const ImageSource = z.union([Base64Source, UrlSource, OtherSource]);

export const ReqTextBlock = z.looseObject({ type: z.literal('text'), text: z.string(), cache_control: CacheControl });
export const ReqImageBlock = z.looseObject({ type: z.literal('image'), source: ImageSource, cache_control: CacheControl });
export const ReqToolUseBlock = z.looseObject({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown(), cache_control: CacheControl });
export const ReqToolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(z.union([ReqTextBlock, ReqImageBlock, z.looseObject({ type: z.string() })]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: CacheControl,
});
const ReqOtherBlock = z.looseObject({ type: z.string() });
export const ReqBlock = z.union([ReqTextBlock, ReqImageBlock, ReqToolUseBlock, ReqToolResultBlock, ReqOtherBlock]);
export type ReqBlock = z.infer<typeof ReqBlock>;

export const AnthropicRequestMessage = z.looseObject({
  role: z.enum(['user', 'assistant']),
  content: z.union([z.string(), z.array(ReqBlock)]),
});
export type AnthropicRequestMessage = z.infer<typeof AnthropicRequestMessage>;

export const AnthropicTool = z.looseObject({
  type: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()).optional(),
});
export type AnthropicTool = z.infer<typeof AnthropicTool>;

export const AnthropicToolChoice = z.looseObject({
  type: z.enum(['auto', 'any', 'tool', 'none']),
  name: z.string().optional(),
  disable_parallel_tool_use: z.boolean().optional(),
});
export type AnthropicToolChoice = z.infer<typeof AnthropicToolChoice>;

export const AnthropicRequest = z.looseObject({
  model: z.string().min(1, 'Field required'),
  max_tokens: z.number().int().positive(),
  messages: z.array(AnthropicRequestMessage).min(1, 'at least one message is required'),
  system: z.union([z.string(), z.array(ReqTextBlock)]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
  tools: z.array(AnthropicTool).optional(),
  tool_choice: AnthropicToolChoice.optional(),
  metadata: z.looseObject({ user_id: z.string().nullish() }).optional(),
  thinking: z.looseObject({ type: z.string() }).optional(),
});
export type AnthropicRequest = z.infer<typeof AnthropicRequest>;

/** The body of `POST /v1/messages/count_tokens`: the request without `max_tokens`. */
export const AnthropicCountTokensRequest = AnthropicRequest.omit({ max_tokens: true, stream: true });
export type AnthropicCountTokensRequest = z.infer<typeof AnthropicCountTokensRequest>;
