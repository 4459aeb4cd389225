import type { ChatCompletionRequest, ChatMessage } from '@gatehouse/contracts';
import { counterFor, encodingFor } from './encodings';

/**
 * Pure token counts for budget estimates, following OpenAI's published accounting for chat
 * (the cookbook's `num_tokens_from_messages`): every message costs 3 tokens of framing plus its
 * role, content and name (a name 1 more), and every reply is primed with 3. Tool definitions and
 * images are estimated from above: quota wants a worst case, not an exact bill.
 */

const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;
/** A high-detail 1024×1024 image on gpt-4o (85 base + 4 tiles × 170): the usual upper estimate. */
export const IMAGE_TOKENS = 765;
/** Framing of the function definitions block, on top of their JSON. */
const TOOLS_OVERHEAD = 12;

/** Tokens of a plain text for a model's encoding (o200k_base for unknown models). */
export function countText(text: string, model = 'gpt-4o'): number {
  return text ? counterFor(encodingFor(model))(text) : 0;
}

/** Prompt tokens of a chat request as the model will see it (tools and images estimated). */
export function countChatTokens(request: Pick<ChatCompletionRequest, 'messages' | 'tools'>, model = 'gpt-4o'): number {
  const count = counterFor(encodingFor(model));
  let total = REPLY_PRIMING;
  for (const m of request.messages) total += messageTokens(m, count);
  if (request.tools?.length) total += TOOLS_OVERHEAD + count(JSON.stringify(request.tools));
  return total;
}

/** The worst-case tokens of a chat request: its prompt plus the most it may generate. */
export function worstCaseTokens(request: ChatCompletionRequest, model = 'gpt-4o', defaultMaxOutput = 4096): number {
  const max = request.max_completion_tokens ?? request.max_tokens ?? defaultMaxOutput;
  return countChatTokens(request, model) + max * (request.n ?? 1);
}

function messageTokens(m: ChatMessage, count: (text: string) => number): number {
  let n = PER_MESSAGE + count(m.role);
  if (typeof m.content === 'string') n += count(m.content);
  else if (Array.isArray(m.content)) {
    for (const part of m.content) {
      if (part.type === 'text' && typeof part.text === 'string') n += count(part.text);
      else if (part.type === 'image_url') n += IMAGE_TOKENS;
    }
  }
  if (m.name) n += PER_NAME + count(m.name);
  for (const call of m.tool_calls ?? []) n += count(call.function.name) + count(call.function.arguments);
  if (m.tool_call_id) n += count(m.tool_call_id);
  return n;
}
