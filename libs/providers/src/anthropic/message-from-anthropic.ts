import type { ChatCompletion, FinishReason, ToolCall, Usage } from '@gatehouse/contracts';
import { scrub, type ErrorContext } from '../http';
import { ProviderError } from '../types';
import { AnthropicErrorBody, AnthropicMessage, type AnthropicUsage } from './wire';

/** Pure: an Anthropic message (and its parts) in OpenAI's chat completion form. */

/** Values the transforms need from outside (the clock) so that they stay pure. */
export interface AnthropicEnvelope {
  nowS: number;
}

const STOP_REASONS: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** Anthropic's `stop_reason` in OpenAI's closed set; an unknown one reads as `stop`. */
export function finishReasonOf(stopReason: string | null | undefined): FinishReason | null {
  return stopReason === null || stopReason === undefined ? null : (STOP_REASONS[stopReason] ?? 'stop');
}

/**
 * OpenAI usage of an Anthropic usage: the prompt is every input token, cached or not
 * (`input_tokens` counts only those after the last cache breakpoint). Cache reads are
 * `prompt_tokens_details.cached_tokens`; cache writes, which OpenAI has no field for, are kept
 * in `cache_creation_input_tokens` (LiteLLM's name) since they are billed at their own price.
 */
export function usageOf(wire: Partial<AnthropicUsage>): Usage {
  const read = wire.cache_read_input_tokens ?? 0;
  const creation = wire.cache_creation_input_tokens ?? 0;
  const prompt = (wire.input_tokens ?? 0) + read + creation;
  const completion = wire.output_tokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: read },
    cache_creation_input_tokens: creation,
  };
}

export function fromAnthropicMessage(wire: AnthropicMessage, model: string, env: AnthropicEnvelope): ChatCompletion {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of wire.content) {
    if (block.type === 'text') text += (block as { text: string }).text;
    else if (block.type === 'thinking') reasoning += (block as { thinking: string }).thinking;
    else if (block.type === 'tool_use') {
      const { id, name, input } = block as { id: string; name: string; input: unknown };
      toolCalls.push({ id, type: 'function', function: { name, arguments: JSON.stringify(input ?? {}) } });
    }
  }
  const hasText = wire.content.some((b) => b.type === 'text');
  return {
    id: wire.id,
    object: 'chat.completion',
    created: env.nowS,
    model: wire.model ?? model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: hasText ? text : null,
          ...(reasoning ? { reasoning_content: reasoning } : {}),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: finishReasonOf(wire.stop_reason) ?? 'stop',
      },
    ],
    ...(wire.usage ? { usage: usageOf(wire.usage) } : {}),
  };
}

/** A 2xx body as a completion; anything else there is a server error. */
export function parseAnthropicMessage(text: string, model: string, env: AnthropicEnvelope, ctx: ErrorContext): ChatCompletion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('server', `${ctx.label}: response is not JSON`);
  }
  const error = AnthropicErrorBody.safeParse(json);
  if (error.success) throw new ProviderError('server', scrub(`${ctx.label} answered with an error: ${error.data.error.message}`, ctx.apiKey));
  const parsed = AnthropicMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError('server', `${ctx.label}: unexpected response (${issue.path.join('.') || 'body'}: ${issue.message})`);
  }
  return fromAnthropicMessage(parsed.data, model, env);
}
