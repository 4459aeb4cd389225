import type { ChatCompletionRequest, ChatMessage } from '@gatehouse/contracts';
import { countTokens } from 'gpt-tokenizer';

/**
 * Pure: an estimate of a request's input tokens for `POST /v1/messages/count_tokens`. There is
 * no public Claude tokenizer, so text is counted with OpenAI's o200k_base (`gpt-tokenizer`),
 * which lands within a few percent of Claude's counts for English and code; each message costs
 * a few tokens of framing, each image a fixed upper estimate, tool definitions their JSON.
 * Callers get an estimate, as documented, never a bill.
 */

const PER_MESSAGE = 3;
/** Anthropic's upper figure for one image (about 1.15 megapixels: width × height / 750). */
export const IMAGE_TOKENS = 1600;
/** The tool-use system prompt Anthropic adds when tools are given (its docs: a few hundred tokens). */
export const TOOLS_OVERHEAD = 300;

const NO_SPECIAL = { disallowedSpecial: new Set<string>() };

export function countText(text: string): number {
  return text ? countTokens(text, NO_SPECIAL) : 0;
}

export function estimateInputTokens(request: Pick<ChatCompletionRequest, 'messages' | 'tools'>): number {
  let total = 0;
  for (const m of request.messages) total += messageTokens(m);
  if (request.tools?.length) total += TOOLS_OVERHEAD + countText(JSON.stringify(request.tools));
  return total;
}

function messageTokens(m: ChatMessage): number {
  let n = PER_MESSAGE;
  if (typeof m.content === 'string') n += countText(m.content);
  else if (Array.isArray(m.content)) {
    for (const part of m.content) {
      if (part.type === 'text' && typeof part.text === 'string') n += countText(part.text);
      else if (part.type === 'image_url') n += IMAGE_TOKENS;
    }
  }
  for (const call of m.tool_calls ?? []) n += countText(call.function.name) + countText(call.function.arguments);
  return n;
}
