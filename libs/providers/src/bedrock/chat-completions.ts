import type { ChatCompletion, FinishReason, ToolCall, Usage } from '@gatehouse/contracts';
import { ProviderError } from '../types';
import { ConverseResponse, type ConverseUsage } from './wire';

/** Pure translation of Converse answers (whole, and the shared pieces the stream uses) into OpenAI form. */

/** Values from outside (clock, id) so the transforms stay pure. Converse answers carry no id. */
export interface Envelope {
  id: string;
  nowS: number;
  /** The model id, reported as `model`. */
  model: string;
}

const FINISH_REASONS: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
};

/** A Converse `stopReason` in OpenAI's closed set; an unknown one reads as `stop`. */
export function finishReasonOf(stopReason: string): FinishReason {
  return FINISH_REASONS[stopReason] ?? 'stop';
}

/** Cache reads and writes are input the model read, so they count as prompt tokens (as OpenAI counts cached ones). */
export function usageOf(u: ConverseUsage): Usage {
  const cached = u.cacheReadInputTokens ?? 0;
  const prompt = u.inputTokens + cached + (u.cacheWriteInputTokens ?? 0);
  return {
    prompt_tokens: prompt,
    completion_tokens: u.outputTokens,
    total_tokens: prompt + u.outputTokens,
    ...(cached > 0 ? { prompt_tokens_details: { cached_tokens: cached } } : {}),
  };
}

export function fromConverseResponse(wire: ConverseResponse, env: Envelope): ChatCompletion {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of wire.output.message?.content ?? []) {
    if (block.text !== undefined) text += block.text;
    else if (block.toolUse) {
      const { toolUseId, name, input } = block.toolUse;
      toolCalls.push({ id: toolUseId, type: 'function', function: { name, arguments: JSON.stringify(input ?? {}) } });
    } else if (block.reasoningContent?.reasoningText) reasoning += block.reasoningContent.reasoningText.text;
  }
  return {
    id: env.id,
    object: 'chat.completion',
    created: env.nowS,
    model: env.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length ? null : text,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(reasoning ? { reasoning_content: reasoning } : {}),
        },
        finish_reason: finishReasonOf(wire.stopReason),
      },
    ],
    ...(wire.usage ? { usage: usageOf(wire.usage) } : {}),
  };
}

/** A 2xx Converse body as a completion; anything else there is the provider's failure. */
export function parseConverseResponse(text: string, env: Envelope, label: string): ChatCompletion {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('server', `${label}: response is not JSON`);
  }
  const parsed = ConverseResponse.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError('server', `${label}: unexpected response (${issue.path.join('.') || 'body'}: ${issue.message})`);
  }
  return fromConverseResponse(parsed.data, env);
}
