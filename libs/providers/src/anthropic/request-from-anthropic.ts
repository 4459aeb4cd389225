import { type ChatCompletionRequest, type ChatMessage, type ContentPart, GatehouseError, type ToolCall } from '@gatehouse/contracts';
import type { AnthropicRequest, AnthropicTool, AnthropicToolChoice, ReqBlock } from './request-wire';

/**
 * Pure: an Anthropic Messages request (as a client sends it to the gateway) in OpenAI chat form,
 * the inverse of `toAnthropicBody`. `system` → a system message; `tool_result` blocks → `tool`
 * messages (before the rest of their user turn); assistant `tool_use` → `tool_calls`; images →
 * `image_url` parts (base64 as data URLs); `stop_sequences` → `stop`; `metadata.user_id` →
 * `user`; tool_choice any/tool/none → required/function/none.
 *
 * Not carried (no OpenAI equivalent): `top_k`, `thinking` and `thinking` / `redacted_thinking`
 * blocks of earlier turns, `is_error` of a tool result, `cache_control`. Block types without an
 * equivalent (documents, server tools' results) and server tools are a 400 naming the field.
 */
export function fromAnthropicRequest(req: AnthropicRequest): ChatCompletionRequest {
  const messages: ChatMessage[] = [];
  if (req.system !== undefined) {
    const text = typeof req.system === 'string' ? req.system : req.system.map((b) => b.text).join('\n');
    if (text) messages.push({ role: 'system', content: text });
  }
  req.messages.forEach((m, i) => {
    if (typeof m.content === 'string') {
      messages.push({ role: m.role, content: m.content });
      return;
    }
    if (m.role === 'assistant') messages.push(assistantMessage(m.content, i));
    else messages.push(...userMessages(m.content, i));
  });
  const out: ChatCompletionRequest = { model: req.model, messages, max_tokens: req.max_tokens };
  if (req.stream !== undefined) out.stream = req.stream;
  if (req.temperature !== undefined) out.temperature = req.temperature;
  if (req.top_p !== undefined) out.top_p = req.top_p;
  if (req.stop_sequences?.length) out.stop = req.stop_sequences;
  if (req.metadata?.user_id) out.user = req.metadata.user_id;
  if (req.tools?.length) out.tools = req.tools.map(toOpenAITool);
  if (req.tool_choice) {
    out.tool_choice = toOpenAIToolChoice(req.tool_choice);
    if (req.tool_choice.disable_parallel_tool_use) out.parallel_tool_calls = false;
  }
  return out;
}

function userMessages(blocks: ReqBlock[], i: number): ChatMessage[] {
  const tools: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  blocks.forEach((b, j) => {
    const where = `messages.${i}.content.${j}`;
    if (b.type === 'tool_result') {
      const r = b as Extract<ReqBlock, { type: 'tool_result' }>;
      tools.push({ role: 'tool', tool_call_id: r.tool_use_id, content: toolResultText(r.content, where) });
    } else if (b.type === 'thinking' || b.type === 'redacted_thinking') {
      return;
    } else parts.push(toPart(b, where));
  });
  if (parts.length === 0) return tools;
  const onlyText = parts.every((p) => p.type === 'text');
  const content = onlyText ? parts.map((p) => (p as { text: string }).text).join('\n') : parts;
  return [...tools, { role: 'user', content }];
}

function assistantMessage(blocks: ReqBlock[], i: number): ChatMessage {
  let text = '';
  const calls: ToolCall[] = [];
  blocks.forEach((b, j) => {
    if (b.type === 'text') text += (b as { text: string }).text;
    else if (b.type === 'tool_use') {
      const u = b as Extract<ReqBlock, { type: 'tool_use' }>;
      calls.push({ id: u.id, type: 'function', function: { name: u.name, arguments: JSON.stringify(u.input ?? {}) } });
    } else if (b.type !== 'thinking' && b.type !== 'redacted_thinking') throw unsupported(`messages.${i}.content.${j}`, b.type);
  });
  return { role: 'assistant', content: text || (calls.length ? null : ''), ...(calls.length ? { tool_calls: calls } : {}) };
}

function toPart(b: ReqBlock, where: string): ContentPart {
  if (b.type === 'text') return { type: 'text', text: (b as { text: string }).text };
  if (b.type === 'image') {
    const source = (b as Extract<ReqBlock, { type: 'image' }>).source as { type: string; media_type?: string; data?: string; url?: string };
    if (source.type === 'base64') return { type: 'image_url', image_url: { url: `data:${source.media_type};base64,${source.data}` } };
    if (source.type === 'url' && source.url) return { type: 'image_url', image_url: { url: source.url } };
    throw unsupported(`${where}.source`, `image source ${source.type}`);
  }
  throw unsupported(where, b.type);
}

function toolResultText(content: unknown, where: string): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return (content as ReqBlock[])
    .map((b, k) => {
      if (b.type === 'text') return (b as { text: string }).text;
      throw unsupported(`${where}.content.${k}`, `${b.type} in a tool_result`);
    })
    .join('\n');
}

function toOpenAITool(tool: AnthropicTool, i: number): { type: string; function: Record<string, unknown> } {
  if (tool.type !== undefined && tool.type !== 'custom') throw unsupported(`tools.${i}`, `server tool ${tool.type}`);
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      parameters: tool.input_schema ?? { type: 'object', properties: {} },
    },
  };
}

function toOpenAIToolChoice(choice: AnthropicToolChoice): unknown {
  switch (choice.type) {
    case 'auto':
      return 'auto';
    case 'none':
      return 'none';
    case 'any':
      return 'required';
    case 'tool':
      if (!choice.name) throw new GatehouseError('invalid_request', 'tool_choice.name: Field required', { param: 'tool_choice.name' });
      return { type: 'function', function: { name: choice.name } };
    default: {
      const never: never = choice.type;
      throw unsupported('tool_choice.type', String(never));
    }
  }
}

function unsupported(param: string, what: string): GatehouseError {
  return new GatehouseError('invalid_request', `${param}: ${what} is not supported by this gateway`, { param });
}
