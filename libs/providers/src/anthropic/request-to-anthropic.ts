import type { ChatCompletionRequest, ChatMessage, ContentPart } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { ProviderError } from '../types';

/**
 * Pure: an OpenAI chat request as an Anthropic Messages request body.
 *
 * - system/developer messages (wherever they are) → `system`, joined by blank lines;
 * - user/assistant content → blocks: images as `base64` (data URLs) or `url` sources, assistant
 *   `tool_calls` → `tool_use`, `tool` messages → `tool_result` blocks of a user turn; consecutive
 *   turns of one role are merged, since Anthropic wants them alternating;
 * - `max_completion_tokens` / `max_tokens`, else the deployment's `max_tokens` or
 *   `model_info.max_output_tokens` / `model_info.max_tokens`, else 4096 (Anthropic requires it);
 * - `response_format` (json_object / json_schema) has no native equivalent: it is dropped, unless
 *   the deployment sets `drop_params: false`, which makes it a bad_request. `n > 1` is a
 *   bad_request. `seed`, penalties, `logprobs`, `reasoning_effort` are dropped.
 */

export const DEFAULT_MAX_TOKENS = 4096;

export type AnthropicDeployment = Pick<Deployment, 'providerModel' | 'extra' | 'modelInfo'>;

type Block = Record<string, unknown>;
interface Turn {
  role: 'user' | 'assistant';
  content: Block[];
}

export function toAnthropicBody(request: ChatCompletionRequest, deployment: AnthropicDeployment, stream: boolean): Record<string, unknown> {
  if (typeof request.n === 'number' && request.n > 1) throw new ProviderError('bad_request', 'anthropic: n > 1 is not supported');
  const extra = deployment.extra;
  const body: Record<string, unknown> = { model: deployment.providerModel, max_tokens: maxTokens(request, deployment) };
  const system: string[] = [];
  const turns: Turn[] = [];
  request.messages.forEach((m, i) => {
    if (m.role === 'system' || m.role === 'developer') {
      const text = textOf(m.content);
      if (text) system.push(text);
      return;
    }
    const turn = toTurn(m, i);
    if (turn.content.length === 0) return; // Anthropic rejects empty turns
    const last = turns.at(-1);
    if (last && last.role === turn.role) last.content.push(...turn.content);
    else turns.push(turn);
  });
  if (system.length) body.system = system.join('\n\n');
  body.messages = turns.map(simplify);
  const stop = request.stop ?? (extra.stop as ChatCompletionRequest['stop']);
  if (stop !== undefined && stop !== null) body.stop_sequences = typeof stop === 'string' ? [stop] : stop;
  const temperature = request.temperature ?? extra.temperature;
  if (typeof temperature === 'number') body.temperature = temperature;
  const topP = request.top_p ?? extra.top_p;
  if (typeof topP === 'number') body.top_p = topP;
  if (request.user) body.metadata = { user_id: request.user };
  if (request.tools?.length) {
    body.tools = request.tools.map(toTool);
    const choice = toToolChoice(request.tool_choice, request.parallel_tool_calls);
    if (choice) body.tool_choice = choice;
  }
  const format = request.response_format?.type;
  if ((format === 'json_object' || format === 'json_schema') && extra.drop_params === false) {
    throw new ProviderError('bad_request', `anthropic: response_format ${format} is not supported (drop_params is false)`);
  }
  if (stream) body.stream = true;
  return body;
}

function maxTokens(request: ChatCompletionRequest, deployment: AnthropicDeployment): number {
  const info = deployment.modelInfo;
  const candidates = [request.max_completion_tokens, request.max_tokens, deployment.extra.max_tokens, info.max_output_tokens, info.max_tokens];
  for (const c of candidates) if (typeof c === 'number' && Number.isInteger(c) && c > 0) return c;
  return DEFAULT_MAX_TOKENS;
}

function toTurn(m: ChatMessage, i: number): Turn {
  switch (m.role) {
    case 'user':
      return { role: 'user', content: contentBlocks(m.content, i) };
    case 'assistant': {
      const content = contentBlocks(m.content, i);
      for (const call of m.tool_calls ?? []) {
        content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: toolInput(call.function.arguments, call.id) });
      }
      return { role: 'assistant', content };
    }
    case 'tool':
      return { role: 'user', content: [{ type: 'tool_result', tool_use_id: m.tool_call_id ?? '', content: toolResultContent(m.content, i) }] };
    default:
      throw new ProviderError('bad_request', `anthropic: messages[${i}]: role "${m.role}" is not supported`);
  }
}

function contentBlocks(content: ChatMessage['content'], i: number): Block[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part, j) => {
    const block = partToBlock(part, `messages[${i}].content[${j}]`);
    return block ? [block] : [];
  });
}

function partToBlock(part: ContentPart, where: string): Block | null {
  const cache = 'cache_control' in part && part.cache_control ? { cache_control: part.cache_control } : {};
  if (part.type === 'text') {
    const text = String((part as { text?: unknown }).text ?? '');
    return text ? { type: 'text', text, ...cache } : null;
  }
  if (part.type === 'image_url') {
    const url = String((part as { image_url?: { url?: unknown } }).image_url?.url ?? '');
    return { type: 'image', source: imageSource(url, where), ...cache };
  }
  throw new ProviderError('bad_request', `anthropic: ${where}: content part type "${part.type}" is not supported`);
}

/** `data:image/png;base64,…` → a base64 source; an http(s) URL → a url source. */
export function imageSource(url: string, where = 'image_url'): Block {
  const data = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (data) return { type: 'base64', media_type: data[1], data: data[2] };
  if (/^https?:\/\//i.test(url)) return { type: 'url', url };
  throw new ProviderError('bad_request', `anthropic: ${where}: image_url must be an http(s) or base64 data URL`);
}

function toolInput(args: string, id: string): unknown {
  if (!args.trim()) return {};
  try {
    return JSON.parse(args);
  } catch {
    throw new ProviderError('bad_request', `anthropic: the arguments of tool call ${id} are not JSON`);
  }
}

function toolResultContent(content: ChatMessage['content'], i: number): string | Block[] {
  if (typeof content === 'string') return content;
  return contentBlocks(content, i);
}

function toTool(tool: { type: string; [k: string]: unknown }, i: number): Block {
  const fn = (tool as { function?: { name?: unknown; description?: unknown; parameters?: unknown } }).function;
  if (tool.type !== 'function' || !fn || typeof fn.name !== 'string') {
    throw new ProviderError('bad_request', `anthropic: tools[${i}]: only function tools are supported`);
  }
  return {
    name: fn.name,
    ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
    input_schema: fn.parameters && typeof fn.parameters === 'object' ? fn.parameters : { type: 'object', properties: {} },
  };
}

export function toToolChoice(choice: unknown, parallel: unknown): Block | null {
  const noParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined || choice === null || choice === 'auto') return parallel === false ? { type: 'auto', ...noParallel } : null;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any', ...noParallel };
  const name = (choice as { function?: { name?: unknown } }).function?.name;
  if (typeof name === 'string') return { type: 'tool', name, ...noParallel };
  throw new ProviderError('bad_request', 'anthropic: tool_choice is not one of auto, none, required or a function');
}

/** A turn of one text block is sent as a plain string, as most clients write it. */
function simplify(turn: Turn): { role: Turn['role']; content: string | Block[] } {
  const [only] = turn.content;
  if (turn.content.length === 1 && only.type === 'text' && only.cache_control === undefined) return { role: turn.role, content: only.text as string };
  return turn;
}

function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).filter(Boolean).join('\n');
}
