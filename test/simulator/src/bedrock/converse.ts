import { planChat, type ChatPlan, type ChatRequestBody } from '../chat-plan';
import { countWords } from '../text';

/**
 * A Converse request, validated the way Bedrock does (its messages, verbatim) and planned with the
 * same deterministic model as the OpenAI side: the request is read as the equivalent OpenAI chat
 * (system prompts, text of each turn, a user turn of only tool results is a `tool` turn, tools and
 * tool choice), so the answer is the same echo or tool call.
 */

/** Beyond this many words of input, Bedrock's ValidationException "Input is too long". */
export const MAX_INPUT_WORDS = 8192;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const BLOCK_KINDS = ['text', 'image', 'document', 'toolUse', 'toolResult', 'guardContent', 'reasoningContent', 'cachePoint'];
const IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'];

/** The ValidationException message for an invalid body, or null. */
export function invalidConverse(body: unknown): string | null {
  if (!isObj(body)) return 'Malformed input request, please reformat your input and try again.';
  const { messages, toolConfig } = body;
  if (messages === undefined) return "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null";
  if (!Array.isArray(messages)) return 'Malformed input request, please reformat your input and try again.';
  let usesTools = false;
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as unknown;
    if (!isObj(m) || (m.role !== 'user' && m.role !== 'assistant')) {
      return `1 validation error detected: Value at 'messages.${i + 1}.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]`;
    }
    if (i === 0 && m.role !== 'user') return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
    if (i > 0 && (messages[i - 1] as Obj).role === m.role) {
      return 'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.';
    }
    if (!Array.isArray(m.content) || m.content.length === 0) {
      return `The content field in the Message object at messages.${i} is empty. Add a ContentBlock object to the content field and try again.`;
    }
    for (let j = 0; j < m.content.length; j++) {
      const b = m.content[j] as unknown;
      const keys = isObj(b) ? Object.keys(b) : [];
      if (keys.length !== 1 || !BLOCK_KINDS.includes(keys[0])) return `The ContentBlock object at messages.${i}.content.${j} must set exactly one of its members.`;
      const block = b as Obj;
      if (typeof block.text === 'string' && block.text.trim() === '') {
        return `The text field in the ContentBlock object at messages.${i}.content.${j} is blank. Add text to the text field, and try again.`;
      }
      if (block.image !== undefined) {
        const image = block.image as { format?: unknown; source?: { bytes?: unknown } };
        if (!IMAGE_FORMATS.includes(String(image.format)) || typeof image.source?.bytes !== 'string') return `The image at messages.${i}.content.${j} is invalid.`;
      }
      if (block.toolUse !== undefined || block.toolResult !== undefined) usesTools = true;
    }
  }
  if (messages.length === 0) return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  if (usesTools && !isObj(toolConfig)) return 'The toolConfig field must be defined when using toolUse and toolResult content blocks.';
  return null;
}

function blocksText(content: unknown[]): string {
  const parts: string[] = [];
  for (const b of content as Obj[]) {
    if (typeof b.text === 'string') parts.push(b.text);
    const result = b.toolResult as { content?: Obj[] } | undefined;
    for (const c of result?.content ?? []) if (typeof c.text === 'string') parts.push(c.text);
  }
  return parts.join(' ');
}

/** The OpenAI chat that means the same as a (valid) Converse body. */
export function asChatBody(modelId: string, body: Obj): ChatRequestBody {
  const messages: ChatRequestBody['messages'] = [];
  for (const s of (body.system as Obj[] | undefined) ?? []) if (typeof s.text === 'string') messages.push({ role: 'system', content: s.text });
  for (const m of body.messages as { role: string; content: Obj[] }[]) {
    const onlyResults = m.role === 'user' && m.content.every((b) => b.toolResult !== undefined);
    messages.push({ role: onlyResults ? 'tool' : m.role, content: blocksText(m.content) });
  }
  const config = body.toolConfig as { tools?: { toolSpec?: { name?: unknown; inputSchema?: { json?: unknown } } }[]; toolChoice?: Obj } | undefined;
  const tools = (config?.tools ?? []).map((t) => ({ type: 'function', function: { name: t.toolSpec?.name, parameters: t.toolSpec?.inputSchema?.json } }));
  const choice = config?.toolChoice;
  const forced = (choice?.tool as { name?: unknown } | undefined)?.name;
  const toolChoice = forced !== undefined ? { type: 'function', function: { name: forced } } : choice?.any !== undefined ? 'required' : 'auto';
  const maxTokens = (body.inferenceConfig as { maxTokens?: unknown } | undefined)?.maxTokens;
  return { model: modelId, messages, max_tokens: maxTokens, tools, tool_choice: toolChoice };
}

export function inputWords(chat: ChatRequestBody): number {
  return chat.messages.reduce((n, m) => n + countWords(typeof m.content === 'string' ? m.content : ''), 0);
}

export const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use' } as const satisfies Record<ChatPlan['finishReason'], string>;

export function planConverse(modelId: string, body: Obj): ChatPlan {
  return planChat(asChatBody(modelId, body));
}
