import { contentText, countWords, fnv1a, streamPieces } from './text';

/**
 * What the simulated model answers to a chat request, decided once per request and rendered
 * either as one JSON body or as SSE chunks. Pure: the same request always gives the same plan.
 *
 * - content: `Echo: <text of the last user message>`, cut to `max_completion_tokens` /
 *   `max_tokens` words (finish_reason `length`);
 * - a tool call instead when the request has function tools, the last message is the user's, and
 *   it names one of the tools (or `tool_choice` forces one);
 * - usage: prompt tokens = words of every message; completion tokens = words of the answer.
 */

export interface ChatRequestBody {
  model: string;
  messages: { role?: unknown; content?: unknown }[];
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
  n?: unknown;
  tools?: unknown;
  tool_choice?: unknown;
}

export interface SimToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatPlan {
  model: string;
  choices: number;
  /** Stream pieces of the content (joined, they are the content); empty for a tool call. */
  pieces: string[];
  toolCall: SimToolCall | null;
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  /** For all choices together. */
  completionTokens: number;
}

interface FunctionTool {
  name: string;
  properties: Record<string, { type?: unknown }>;
}

export function planChat(body: ChatRequestBody): ChatPlan {
  let promptTokens = 0;
  let lastUser = '';
  for (const m of body.messages) {
    const text = contentText(m.content);
    promptTokens += countWords(text);
    if (m.role === 'user') lastUser = text;
  }
  const choices = typeof body.n === 'number' && body.n > 1 ? Math.floor(body.n) : 1;
  const lastIsUser = body.messages[body.messages.length - 1]?.role === 'user';
  const tool = lastIsUser ? chosenTool(body, lastUser) : null;
  if (tool) {
    const args = JSON.stringify(toolArguments(tool, lastUser));
    const toolCall: SimToolCall = {
      id: `call_${fnv1a(tool.name + args).toString(16).padStart(8, '0')}`,
      type: 'function',
      function: { name: tool.name, arguments: args },
    };
    const tokens = countWords(`${tool.name} ${args}`);
    return { model: body.model, choices, pieces: [], toolCall, finishReason: 'tool_calls', promptTokens, completionTokens: tokens * choices };
  }
  let pieces = streamPieces(`Echo: ${lastUser}`);
  const max = positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens);
  let finishReason: ChatPlan['finishReason'] = 'stop';
  if (max !== null && pieces.length > max) {
    pieces = pieces.slice(0, max);
    finishReason = 'length';
  }
  return { model: body.model, choices, pieces, toolCall: null, finishReason, promptTokens, completionTokens: pieces.length * choices };
}

function positiveInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

function functionTools(tools: unknown): FunctionTool[] {
  if (!Array.isArray(tools)) return [];
  const out: FunctionTool[] = [];
  for (const t of tools) {
    const fn = (t as { function?: { name?: unknown; parameters?: { properties?: unknown } } } | null)?.function;
    if (typeof fn?.name !== 'string') continue;
    const props = fn.parameters?.properties;
    out.push({ name: fn.name, properties: props && typeof props === 'object' ? (props as FunctionTool['properties']) : {} });
  }
  return out;
}

function chosenTool(body: ChatRequestBody, lastUser: string): FunctionTool | null {
  const tools = functionTools(body.tools);
  if (tools.length === 0 || body.tool_choice === 'none') return null;
  const forced = (body.tool_choice as { function?: { name?: unknown } } | null)?.function?.name;
  if (typeof forced === 'string') return tools.find((t) => t.name === forced) ?? null;
  const named = tools.find((t) => lastUser.includes(t.name));
  if (named) return named;
  return body.tool_choice === 'required' ? tools[0] : null;
}

/** Arguments that fit the tool's JSON schema properties, derived from the user's text. */
function toolArguments(tool: FunctionTool, text: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(tool.properties)) {
    const type = schema?.type;
    args[key] = type === 'number' || type === 'integer' ? countWords(text) : type === 'boolean' ? true : type === 'string' ? text : null;
  }
  return args;
}
