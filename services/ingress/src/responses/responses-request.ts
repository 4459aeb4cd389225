import { z } from 'zod';
import { type ChatCompletionRequest, type ChatMessage, type ContentPart, GatehouseError } from '@gatehouse/contracts';
import { parseChatRequest } from '../chat/parse-chat-request';

/**
 * Pure translation of an OpenAI Responses API request (`POST /v1/responses`) into a chat request:
 * `instructions` → a system message, `input` (a string, or message / `function_call` /
 * `function_call_output` items) → messages, flat function `tools` → chat tools, `text.format` →
 * `response_format`, `max_output_tokens` → `max_tokens`. Gatehouse stores no responses:
 * `store: true` is accepted and answered with `store: false`; `previous_response_id` and
 * `item_reference` (which need a stored response) are refused with a 400, as are built-in tools.
 */

const ResponsesRequest = z.looseObject({
  model: z.string().min(1, 'model is required'),
  input: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))], { message: 'input must be a string or an array of items' }),
  instructions: z.string().nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  tool_choice: z.union([z.enum(['auto', 'none', 'required']), z.looseObject({ type: z.string(), name: z.string().optional() })]).nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  text: z.looseObject({ format: z.looseObject({ type: z.string() }).nullish() }).nullish(),
  reasoning: z.looseObject({ effort: z.string().nullish() }).nullish(),
  previous_response_id: z.string().nullish(),
  background: z.boolean().nullish(),
  store: z.boolean().nullish(),
});
type ResponsesRequest = z.infer<typeof ResponsesRequest>;

/** Fields with the same name and meaning in both APIs. */
const SAME = ['temperature', 'top_p', 'stream', 'user', 'metadata', 'parallel_tool_calls', 'seed'] as const;

const bad = (param: string, message: string) => new GatehouseError('invalid_request', message, { param });

export function parseResponsesRequest(body: unknown): ChatCompletionRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GatehouseError('invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = ResponsesRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.map(String).join('.');
    throw new GatehouseError('invalid_request', `Invalid request: ${param ? `${param}: ` : ''}${issue.message}`, { param: param || undefined });
  }
  const r = parsed.data;
  if (r.previous_response_id) throw bad('previous_response_id', 'previous_response_id is not supported: Gatehouse does not store responses. Send the whole conversation in input.');
  if (r.background) throw bad('background', 'background responses are not supported.');
  const chat: Record<string, unknown> = { model: r.model, messages: toMessages(r) };
  for (const key of SAME) if (r[key] !== undefined && r[key] !== null) chat[key] = r[key];
  if (r.max_output_tokens) chat.max_tokens = r.max_output_tokens;
  if (r.tools?.length) chat.tools = r.tools.map(toChatTool);
  if (r.tool_choice) chat.tool_choice = toChatToolChoice(r.tool_choice);
  const format = toResponseFormat(r.text?.format ?? null);
  if (format) chat.response_format = format;
  if (r.reasoning?.effort) chat.reasoning_effort = r.reasoning.effort;
  return parseChatRequest(chat);
}

function toMessages(r: ResponsesRequest): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (r.instructions) out.push({ role: 'system', content: r.instructions });
  if (typeof r.input === 'string') {
    out.push({ role: 'user', content: r.input });
    return out;
  }
  r.input.forEach((item, i) => {
    const at = `input.${i}`;
    const type = item.type ?? 'message';
    if (type === 'message') out.push(toMessage(item, at));
    else if (type === 'function_call') {
      const call = { id: str(item.call_id, `${at}.call_id`), type: 'function' as const, function: { name: str(item.name, `${at}.name`), arguments: str(item.arguments, `${at}.arguments`) } };
      const prev = out[out.length - 1];
      // Calls of one turn (and the text before them) are one assistant message in chat.
      if (prev?.role === 'assistant') prev.tool_calls = [...(prev.tool_calls ?? []), call];
      else out.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      const output = typeof item.output === 'string' ? item.output : partsText(item.output, `${at}.output`);
      out.push({ role: 'tool', tool_call_id: str(item.call_id, `${at}.call_id`), content: output });
    } else if (type === 'reasoning') {
      // A previous turn's reasoning summary: chat models cannot take it back; it is dropped.
    } else if (type === 'item_reference') throw bad(`${at}.type`, 'item_reference is not supported: Gatehouse does not store responses.');
    else throw bad(`${at}.type`, `Input items of type "${String(type)}" are not supported.`);
  });
  if (out.length === 0) throw bad('input', 'input must hold at least one item.');
  return out;
}

const ROLES = new Set(['user', 'assistant', 'system', 'developer']);

function toMessage(item: Record<string, unknown>, at: string): ChatMessage {
  const role = item.role;
  if (typeof role !== 'string' || !ROLES.has(role)) throw bad(`${at}.role`, `${at}.role must be one of user, assistant, system, developer.`);
  const content = item.content;
  if (typeof content === 'string') return { role: role as ChatMessage['role'], content };
  if (!Array.isArray(content)) throw bad(`${at}.content`, `${at}.content must be a string or an array of content parts.`);
  if (role === 'assistant') return { role: 'assistant', content: partsText(content, `${at}.content`) };
  return { role: role as ChatMessage['role'], content: content.map((p, j) => toPart(p, `${at}.content.${j}`)) };
}

function toPart(p: unknown, at: string): ContentPart {
  const part = (p ?? {}) as Record<string, unknown>;
  if (part.type === 'input_text' || part.type === 'output_text') return { type: 'text', text: str(part.text, `${at}.text`) };
  if (part.type === 'input_image' && typeof part.image_url === 'string') {
    return { type: 'image_url', image_url: { url: part.image_url, ...(typeof part.detail === 'string' ? { detail: part.detail } : {}) } };
  }
  throw bad(`${at}.type`, `Content parts of type "${String(part.type)}" are not supported.`);
}

/** Text parts joined (assistant history, tool outputs): chat takes plain text there. */
function partsText(parts: unknown, at: string): string {
  if (!Array.isArray(parts)) throw bad(at, `${at} must be a string or an array of content parts.`);
  return parts.map((p, j) => {
    const part = toPart(p, `${at}.${j}`);
    if (part.type !== 'text') throw bad(`${at}.${j}.type`, 'Only text can appear here.');
    return part.text as string;
  }).join('');
}

function str(v: unknown, param: string): string {
  if (typeof v !== 'string') throw bad(param, `${param} must be a string.`);
  return v;
}

function toChatTool(tool: { type: string } & Record<string, unknown>, i: number) {
  if (tool.type !== 'function') throw bad(`tools.${i}.type`, `Tools of type "${tool.type}" are not supported; only function tools are.`);
  const { type: _type, name, description, parameters, strict } = tool;
  return { type: 'function', function: { name: str(name, `tools.${i}.name`), ...(description !== undefined ? { description } : {}), ...(parameters !== undefined ? { parameters } : {}), ...(strict !== undefined && strict !== null ? { strict } : {}) } };
}

function toChatToolChoice(choice: string | ({ type: string; name?: string } & Record<string, unknown>)): unknown {
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && choice.name) return { type: 'function', function: { name: choice.name } };
  throw bad('tool_choice', `tool_choice of type "${choice.type}" is not supported.`);
}

function toResponseFormat(format: ({ type: string } & Record<string, unknown>) | null): Record<string, unknown> | null {
  if (!format || format.type === 'text') return null;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type === 'json_schema') {
    const { type: _type, ...schema } = format;
    return { type: 'json_schema', json_schema: schema };
  }
  throw bad('text.format.type', `text.format of type "${format.type}" is not supported.`);
}
