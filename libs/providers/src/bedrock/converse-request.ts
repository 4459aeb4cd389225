import type { ChatCompletionRequest, ChatMessage, ContentPart, ToolCall } from '@gatehouse/contracts';
import { ProviderError } from '../types';

/**
 * Pure translation of an OpenAI chat request into a Bedrock Converse request body (the model id
 * goes in the path, not the body). Converse wants: system prompts apart, strictly alternating
 * user/assistant turns of content blocks, tool results as `toolResult` blocks of a user turn.
 */

export type ConverseBlock =
  | { text: string }
  | { image: { format: ImageFormat; source: { bytes: string } } }
  | { toolUse: { toolUseId: string; name: string; input: unknown } }
  | { toolResult: { toolUseId: string; content: { text: string }[] } };

export interface ConverseMessage {
  role: 'user' | 'assistant';
  content: ConverseBlock[];
}

export interface ConverseRequest {
  messages: ConverseMessage[];
  system?: { text: string }[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools: { toolSpec: ToolSpec }[]; toolChoice?: ToolChoice };
}

interface ToolSpec {
  name: string;
  description?: string;
  inputSchema: { json: unknown };
}
type ToolChoice = { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };

type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';
const IMAGE_FORMATS: Record<string, ImageFormat> = { png: 'png', jpeg: 'jpeg', jpg: 'jpeg', gif: 'gif', webp: 'webp' };

/** `litellm_params` keys that are request defaults; the client's value wins. */
const DEFAULT_PARAMS = ['temperature', 'top_p', 'max_tokens', 'stop'] as const;

function bad(message: string): ProviderError {
  return new ProviderError('bad_request', `bedrock: ${message}`);
}

/** An `image_url` part: only inline `data:` URLs; Converse takes bytes, it does not fetch URLs. */
export function imageBlock(url: string): ConverseBlock {
  const m = /^data:image\/([a-z0-9.+-]+);base64,(.*)$/is.exec(url);
  if (!m) throw bad('image URLs are not supported, send the image inline as a data: URL (base64)');
  const format = IMAGE_FORMATS[m[1].toLowerCase()];
  if (!format) throw bad(`image type image/${m[1]} is not supported (png, jpeg, gif, webp)`);
  return { image: { format, source: { bytes: m[2].replace(/\s+/g, '') } } };
}

function partBlock(part: ContentPart): ConverseBlock | null {
  if (part.type === 'text') {
    const text = (part as { text?: unknown }).text;
    return typeof text === 'string' && text !== '' ? { text } : null;
  }
  if (part.type === 'image_url') {
    const url = (part as { image_url?: { url?: unknown } }).image_url?.url;
    if (typeof url !== 'string') throw bad('image_url.url is missing');
    return imageBlock(url);
  }
  throw bad(`content parts of type "${part.type}" are not supported`);
}

/** Content blocks of a message; Converse rejects blank text blocks, so empty text is dropped. */
export function contentBlocks(content: ChatMessage['content']): ConverseBlock[] {
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  if (!Array.isArray(content)) return [];
  const out: ConverseBlock[] = [];
  for (const part of content) {
    const block = partBlock(part);
    if (block) out.push(block);
  }
  return out;
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('');
}

function toolUseBlock(call: ToolCall): ConverseBlock {
  let input: unknown;
  try {
    input = call.function.arguments.trim() === '' ? {} : JSON.parse(call.function.arguments);
  } catch {
    throw bad(`the arguments of tool call ${call.id} are not JSON`);
  }
  return { toolUse: { toolUseId: call.id, name: call.function.name, input } };
}

/** One OpenAI message as a Converse turn, or null when it has nothing to say. */
function turnOf(m: ChatMessage): ConverseMessage | null {
  switch (m.role) {
    case 'user': {
      const content = contentBlocks(m.content);
      return content.length ? { role: 'user', content } : null;
    }
    case 'assistant': {
      const content = [...contentBlocks(m.content), ...(m.tool_calls ?? []).map(toolUseBlock)];
      return content.length ? { role: 'assistant', content } : null;
    }
    case 'tool': {
      if (!m.tool_call_id) throw bad('a tool message needs tool_call_id');
      // Converse rejects blank text blocks; an empty tool output still has to answer its toolUse.
      return { role: 'user', content: [{ toolResult: { toolUseId: m.tool_call_id, content: [{ text: textOf(m.content) || '(empty)' }] } }] };
    }
    case 'function':
      throw bad('the legacy "function" role is not supported, use tools');
    case 'system':
    case 'developer':
      return null;
    default: {
      const never: never = m.role;
      throw bad(`unknown role ${String(never)}`);
    }
  }
}

/** Turns in order, consecutive same-role turns merged (Converse requires alternation). */
export function toConverseMessages(messages: readonly ChatMessage[]): ConverseMessage[] {
  const out: ConverseMessage[] = [];
  for (const m of messages) {
    const turn = turnOf(m);
    if (!turn) continue;
    const last = out[out.length - 1];
    if (last && last.role === turn.role) last.content.push(...turn.content);
    else out.push(turn);
  }
  return out;
}

export function toToolConfig(request: Pick<ChatCompletionRequest, 'tools' | 'tool_choice'>, hasToolBlocks: boolean): ConverseRequest['toolConfig'] {
  const tools = (request.tools ?? []).map((t): { toolSpec: ToolSpec } => {
    const fn = (t as { function?: { name?: unknown; description?: unknown; parameters?: unknown } }).function;
    if (t.type !== 'function' || typeof fn?.name !== 'string') throw bad(`tools of type "${t.type}" are not supported`);
    const parameters = fn.parameters && typeof fn.parameters === 'object' ? fn.parameters : { type: 'object', properties: {} };
    return { toolSpec: { name: fn.name, ...(typeof fn.description === 'string' ? { description: fn.description } : {}), inputSchema: { json: parameters } } };
  });
  if (tools.length === 0) return undefined;
  const choice = request.tool_choice;
  // Converse has no "none": drop the tools, unless the conversation's tool blocks require them.
  if (choice === 'none') return hasToolBlocks ? { tools } : undefined;
  if (choice === undefined || choice === null || choice === 'auto') return { tools, toolChoice: { auto: {} } };
  if (choice === 'required') return { tools, toolChoice: { any: {} } };
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (typeof name === 'string') return { tools, toolChoice: { tool: { name } } };
  throw bad('tool_choice must be "none", "auto", "required" or a function');
}

function inferenceConfig(request: ChatCompletionRequest, defaults: Readonly<Record<string, unknown>>): ConverseRequest['inferenceConfig'] {
  const pick = <K extends (typeof DEFAULT_PARAMS)[number]>(key: K): unknown => request[key] ?? defaults[key] ?? undefined;
  const maxTokens = request.max_completion_tokens ?? pick('max_tokens');
  const temperature = pick('temperature');
  const topP = pick('top_p');
  const stop = pick('stop');
  const config: NonNullable<ConverseRequest['inferenceConfig']> = {};
  if (typeof maxTokens === 'number') config.maxTokens = maxTokens;
  if (typeof temperature === 'number') config.temperature = temperature;
  if (typeof topP === 'number') config.topP = topP;
  if (typeof stop === 'string') config.stopSequences = [stop];
  else if (Array.isArray(stop) && stop.length) config.stopSequences = stop.filter((s): s is string => typeof s === 'string');
  return Object.keys(config).length ? config : undefined;
}

/** The Converse body of a chat request; `defaults` are the deployment's `litellm_params`. */
export function toConverseRequest(request: ChatCompletionRequest, defaults: Readonly<Record<string, unknown>> = {}): ConverseRequest {
  if ((request.n ?? 1) > 1) throw bad('n > 1 is not supported by Converse');
  const format = request.response_format?.type;
  if (format !== undefined && format !== 'text') throw bad(`response_format ${format} is not supported yet`);
  const system = request.messages
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => ({ text: textOf(m.content) }))
    .filter((b) => b.text !== '');
  const messages = toConverseMessages(request.messages);
  const hasToolBlocks = messages.some((m) => m.content.some((b) => 'toolUse' in b || 'toolResult' in b));
  const body: ConverseRequest = { messages };
  if (system.length) body.system = system;
  const config = inferenceConfig(request, defaults);
  if (config) body.inferenceConfig = config;
  const toolConfig = toToolConfig(request, hasToolBlocks);
  if (toolConfig) body.toolConfig = toolConfig;
  return body;
}
