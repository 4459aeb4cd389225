import type { ChatCompletion, FinishReason, Usage } from '@gatehouse/contracts';

/**
 * Pure: an OpenAI chat completion as an Anthropic message (for clients that speak Anthropic to
 * the gateway), the inverse of `fromAnthropicMessage`. Only the first choice is rendered
 * (Anthropic has no `n`).
 */

export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';

const STOP_REASONS: Record<FinishReason, AnthropicStopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'refusal',
};

export function stopReasonOf(finish: FinishReason | null | undefined): AnthropicStopReason {
  return finish ? STOP_REASONS[finish] : 'end_turn';
}

export interface AnthropicUsageOut {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** Anthropic usage of an OpenAI usage: `input_tokens` excludes cache reads and writes, as Anthropic counts. */
export function anthropicUsageOf(usage: Usage | null | undefined): AnthropicUsageOut {
  const read = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const creation = typeof usage?.cache_creation_input_tokens === 'number' ? usage.cache_creation_input_tokens : 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - read - creation),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_creation_input_tokens: creation,
    cache_read_input_tokens: read,
  };
}

/** Anthropic message ids start with `msg_`; other providers' ids are kept after that prefix. */
export function messageId(id: string): string {
  return id.startsWith('msg_') ? id : `msg_${id}`;
}

/** Tool arguments as the object Anthropic's `input` is; arguments that are not a JSON object are kept as `{}`. */
export function toolInputOf(args: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(args || '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toAnthropicMessage(completion: ChatCompletion): Record<string, unknown> {
  const choice = completion.choices[0];
  const content: Record<string, unknown>[] = [];
  const message = choice?.message;
  const reasoning = (message as { reasoning_content?: unknown } | undefined)?.reasoning_content;
  if (typeof reasoning === 'string' && reasoning) content.push({ type: 'thinking', thinking: reasoning, signature: '' });
  if (message?.content) content.push({ type: 'text', text: message.content });
  for (const call of message?.tool_calls ?? []) {
    content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: toolInputOf(call.function.arguments) });
  }
  return {
    id: messageId(completion.id),
    type: 'message',
    role: 'assistant',
    model: completion.model,
    content,
    stop_reason: stopReasonOf(choice?.finish_reason),
    stop_sequence: null,
    usage: anthropicUsageOf(completion.usage),
  };
}
