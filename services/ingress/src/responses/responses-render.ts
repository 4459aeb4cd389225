import type { ChatCompletion, ChatCompletionRequest, FinishReason, ToolCall, Usage } from '@gatehouse/contracts';

/**
 * Pure: chat answers rendered as OpenAI Responses API `response` objects. Request fields the
 * response echoes (tools, tool_choice, temperature, …) are rebuilt from the chat request;
 * `instructions` is not (it became a system message) and reads null. `store` is always false.
 */

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations: unknown[];
}
export interface MessageItem {
  type: 'message';
  id: string;
  status: 'in_progress' | 'completed' | 'incomplete';
  role: 'assistant';
  content: OutputText[];
}
export interface FunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: 'in_progress' | 'completed' | 'incomplete';
}
export type OutputItem = MessageItem | FunctionCallItem;

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** Ids the Responses API shape wants, derived from the chat completion's id so they stay stable. */
export function responseIds(chatId: string) {
  const base = chatId.replace(/^chatcmpl-/, '');
  return { response: `resp_${base}`, message: (n: number) => `msg_${base}_${n}`, call: (callId: string) => `fc_${callId}` };
}

export function toResponseUsage(u: Usage | null | undefined): ResponseUsage | null {
  if (!u) return null;
  return {
    input_tokens: u.prompt_tokens,
    input_tokens_details: { cached_tokens: u.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: u.completion_tokens,
    output_tokens_details: { reasoning_tokens: u.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: u.total_tokens,
  };
}

/** `length` and `content_filter` end a response early: `incomplete`, with the reason. */
export function statusOf(finish: FinishReason | null | undefined): { status: ResponseStatus; incomplete_details: { reason: string } | null } {
  if (finish === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

/** The response object around `output`, with the request's settings echoed. */
export function responseEnvelope(
  ids: { id: string; createdAt: number; model: string },
  request: ChatCompletionRequest,
  state: { status: ResponseStatus; incomplete_details: { reason: string } | null; output: OutputItem[]; usage: ResponseUsage | null },
) {
  const format = request.response_format;
  const jsonSchema = (format as { json_schema?: Record<string, unknown> } | undefined)?.json_schema;
  return {
    id: ids.id,
    object: 'response' as const,
    created_at: ids.createdAt,
    status: state.status,
    error: null,
    incomplete_details: state.incomplete_details,
    instructions: null,
    max_output_tokens: request.max_tokens ?? null,
    model: ids.model,
    output: state.output,
    parallel_tool_calls: (request as { parallel_tool_calls?: boolean }).parallel_tool_calls ?? true,
    previous_response_id: null,
    store: false,
    temperature: request.temperature ?? null,
    text: { format: !format ? { type: 'text' } : format.type === 'json_schema' ? { type: 'json_schema', ...jsonSchema } : { type: format.type } },
    tool_choice: fromChatToolChoice(request.tool_choice),
    tools: (request.tools ?? []).map(fromChatTool),
    top_p: request.top_p ?? null,
    truncation: 'disabled',
    usage: state.usage,
    user: request.user ?? null,
    metadata: request.metadata ?? {},
  };
}

function fromChatTool(tool: { type: string } & Record<string, unknown>) {
  const fn = (tool.function ?? {}) as Record<string, unknown>;
  return { type: 'function', name: fn.name, description: fn.description ?? null, parameters: fn.parameters ?? null, strict: fn.strict ?? null };
}

function fromChatToolChoice(choice: unknown): unknown {
  if (choice === undefined || choice === null) return 'auto';
  const name = (choice as { function?: { name?: string } }).function?.name;
  return name ? { type: 'function', name } : choice;
}

export function functionCallItem(call: ToolCall, status: FunctionCallItem['status']): FunctionCallItem {
  return { type: 'function_call', id: responseIds(call.id).call(call.id), call_id: call.id, name: call.function.name, arguments: call.function.arguments, status };
}

/** A whole (non-streamed) chat completion as a `response`. Only the first choice is used. */
export function toResponse(c: ChatCompletion, request: ChatCompletionRequest) {
  const ids = responseIds(c.id);
  const choice = c.choices[0];
  const { status, incomplete_details } = statusOf(choice?.finish_reason);
  const itemStatus = status === 'incomplete' ? 'incomplete' : 'completed';
  const output: OutputItem[] = [];
  const text = choice?.message.content;
  if (text) output.push({ type: 'message', id: ids.message(0), status: itemStatus, role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] });
  for (const call of choice?.message.tool_calls ?? []) output.push(functionCallItem(call, itemStatus));
  return responseEnvelope({ id: ids.response, createdAt: c.created, model: c.model }, request, { status, incomplete_details, output, usage: toResponseUsage(c.usage) });
}
