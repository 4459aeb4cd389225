import { countWords, fnv1a, streamPieces } from '../text';

/**
 * What the simulated Claude answers to a Messages request, decided once and rendered as one
 * message or as SSE events. Pure: the same request always gives the same plan.
 *
 * - text: `Echo: <text of the last user turn that has text>`, cut before the first of
 *   `stop_sequences` it contains (stop_reason `stop_sequence`), then to `max_tokens` words
 *   (`max_tokens`);
 * - a `tool_use` block when the request has tools, the last turn is the user's with text, and it
 *   names a tool (or `tool_choice` forces one: `any` takes the first). With `tool_choice` auto a
 *   short text block (`Calling <name>.`) comes first, as Claude usually writes one;
 * - usage: input tokens = words of `system` and of every text (text blocks, string contents,
 *   tool results); output tokens = words of the answer (a tool use: its name and JSON input).
 */

export interface MessagesBody {
  model: string;
  max_tokens: number;
  messages: { role: 'user' | 'assistant'; content: unknown }[];
  system?: unknown;
  stop_sequences?: unknown;
  tools?: unknown;
  tool_choice?: { type?: unknown; name?: unknown } | null;
  stream?: unknown;
}

export type PlannedBlock =
  | { type: 'text'; pieces: string[] }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown>; json: string };

export interface MessagesPlan {
  model: string;
  blocks: PlannedBlock[];
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
  stopSequence: string | null;
  inputTokens: number;
  outputTokens: number;
}

interface Tool {
  name: string;
  properties: Record<string, { type?: unknown }>;
}

/** Words of everything the model reads: `system`, every message text, tool results. */
export function inputTokens(body: Pick<MessagesBody, 'system' | 'messages'>): number {
  let n = countWords(textOf(body.system));
  for (const m of body.messages) n += countWords(textOf(m.content));
  return n;
}

export function planMessages(body: MessagesBody): MessagesPlan {
  let lastUser = '';
  for (const m of body.messages) {
    const text = textOf(m.content, false);
    if (m.role === 'user' && text) lastUser = text;
  }
  const last = body.messages.at(-1);
  const lastIsUserText = last?.role === 'user' && textOf(last.content, false) !== '';
  const base = { model: body.model, inputTokens: inputTokens(body), stopSequence: null };
  const tool = lastIsUserText ? chosenTool(body, lastUser) : null;
  if (tool) {
    const input = toolInput(tool, lastUser);
    const json = JSON.stringify(input);
    const id = `toolu_sim${fnv1a(tool.name + json).toString(16).padStart(8, '0')}${fnv1a(json).toString(16).padStart(8, '0')}`;
    const blocks: PlannedBlock[] = [];
    const auto = body.tool_choice?.type === undefined || body.tool_choice?.type === 'auto';
    if (auto) blocks.push({ type: 'text', pieces: streamPieces(`Calling ${tool.name}.`) });
    blocks.push({ type: 'tool_use', id, name: tool.name, input, json });
    const output = (auto ? 2 : 0) + countWords(`${tool.name} ${json}`);
    return { ...base, blocks, stopReason: 'tool_use', outputTokens: output };
  }
  let text = `Echo: ${lastUser}`;
  let stopReason: MessagesPlan['stopReason'] = 'end_turn';
  let stopSequence: string | null = null;
  const at = firstStop(text, body.stop_sequences);
  if (at) {
    text = text.slice(0, at.index);
    stopReason = 'stop_sequence';
    stopSequence = at.sequence;
  }
  let pieces = streamPieces(text);
  const trailing = /\s+$/.exec(text)?.[0];
  if (trailing && pieces.length) pieces[pieces.length - 1] += trailing; // "Echo: go on " before "STOP"
  if (pieces.length > body.max_tokens) {
    pieces = pieces.slice(0, body.max_tokens);
    stopReason = 'max_tokens';
    stopSequence = null;
  }
  return { ...base, blocks: [{ type: 'text', pieces }], stopReason, stopSequence, outputTokens: pieces.length };
}

function firstStop(text: string, sequences: unknown): { index: number; sequence: string } | null {
  if (!Array.isArray(sequences)) return null;
  let best: { index: number; sequence: string } | null = null;
  for (const s of sequences) {
    if (typeof s !== 'string' || !s) continue;
    const index = text.indexOf(s);
    if (index >= 0 && (!best || index < best.index)) best = { index, sequence: s };
  }
  return best;
}

/** The text of a `content` (or `system`): a string, or its text blocks (and tool results, when asked). */
export function textOf(content: unknown, withToolResults = true): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const b of content as { type?: unknown; text?: unknown; content?: unknown }[]) {
    if (b?.type === 'text' && typeof b.text === 'string') parts.push(b.text);
    else if (withToolResults && b?.type === 'tool_result') parts.push(textOf(b.content));
  }
  return parts.filter(Boolean).join(' ');
}

function tools(raw: unknown): Tool[] {
  if (!Array.isArray(raw)) return [];
  const out: Tool[] = [];
  for (const t of raw as { name?: unknown; input_schema?: { properties?: unknown } }[]) {
    if (typeof t?.name !== 'string') continue;
    const props = t.input_schema?.properties;
    out.push({ name: t.name, properties: props && typeof props === 'object' ? (props as Tool['properties']) : {} });
  }
  return out;
}

function chosenTool(body: MessagesBody, lastUser: string): Tool | null {
  const list = tools(body.tools);
  const choice = body.tool_choice?.type;
  if (list.length === 0 || choice === 'none') return null;
  if (choice === 'tool') return list.find((t) => t.name === body.tool_choice?.name) ?? null;
  const named = list.find((t) => lastUser.includes(t.name));
  if (named) return named;
  return choice === 'any' ? list[0] : null;
}

/** An input that fits the tool's schema properties, derived from the user's text. */
function toolInput(tool: Tool, text: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(tool.properties)) {
    const type = schema?.type;
    input[key] = type === 'number' || type === 'integer' ? countWords(text) : type === 'boolean' ? true : type === 'string' ? text : null;
  }
  return input;
}
