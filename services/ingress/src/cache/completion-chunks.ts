import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, FinishReason } from '@gatehouse/contracts';

type ToolCall = NonNullable<ChatCompletion['choices'][number]['message']['tool_calls']>[number];
type Choice = { content: string | null; toolCalls: ToolCall[]; finish: FinishReason | null };

/**
 * Pure: the whole completion a stream of OpenAI chunks amounts to, so a streamed answer can be
 * cached like a plain one. Content is concatenated per choice; tool calls by their `index`, with
 * argument fragments appended. Null when the chunks are unusable (none, or not JSON).
 */
export function assembleCompletion(raws: readonly Uint8Array[], end: { finish_reason: FinishReason | null; usage: ChatCompletion['usage'] | null }): ChatCompletion | null {
  const choices = new Map<number, Choice>();
  let head: ChatCompletionChunk | null = null;
  for (const raw of raws) {
    let c: ChatCompletionChunk;
    try {
      c = JSON.parse(Buffer.from(raw).toString('utf8')) as ChatCompletionChunk;
    } catch {
      return null;
    }
    head ??= c;
    for (const ch of c.choices ?? []) {
      const acc = choices.get(ch.index) ?? { content: null, toolCalls: [], finish: null };
      choices.set(ch.index, acc);
      if (typeof ch.delta?.content === 'string') acc.content = (acc.content ?? '') + ch.delta.content;
      for (const t of (ch.delta?.tool_calls ?? []) as (Partial<ToolCall> & { index: number; function?: { name?: string; arguments?: string } })[]) {
        const prev = acc.toolCalls[t.index];
        if (!prev) acc.toolCalls[t.index] = { id: t.id ?? '', type: 'function', function: { name: t.function?.name ?? '', arguments: t.function?.arguments ?? '' } } as ToolCall;
        else prev.function.arguments += t.function?.arguments ?? '';
      }
      if (ch.finish_reason) acc.finish = ch.finish_reason;
    }
  }
  if (!head || choices.size === 0) return null;
  return {
    id: head.id,
    object: 'chat.completion',
    created: head.created,
    model: head.model,
    choices: [...choices.entries()].sort((a, b) => a[0] - b[0]).map(([index, c]) => ({
      index,
      message: { role: 'assistant' as const, content: c.content, ...(c.toolCalls.length ? { tool_calls: c.toolCalls.filter(Boolean) } : {}) },
      finish_reason: c.finish ?? end.finish_reason,
    })),
    ...(end.usage ? { usage: end.usage } : {}),
  };
}

/** Characters of content per replayed chunk: a real stream's rhythm, without thousands of frames. */
const PIECE = 64;

/**
 * Pure: a stored completion as the OpenAI chunks a provider would have streamed — a role chunk,
 * the content in pieces, each tool call whole, the finish reason, and a usage chunk when the
 * client asked for one (`stream_options.include_usage`).
 */
export function replayChunks(c: ChatCompletion, req: ChatCompletionRequest): ChatCompletionChunk[] {
  const base = { id: c.id, object: 'chat.completion.chunk' as const, created: c.created, model: c.model };
  const out: ChatCompletionChunk[] = [];
  const one = (index: number, delta: ChatCompletionChunk['choices'][number]['delta'], finish: FinishReason | null = null) =>
    out.push({ ...base, choices: [{ index, delta, finish_reason: finish }] });
  for (const ch of c.choices) {
    one(ch.index, { role: 'assistant', content: '' });
    const text = ch.message.content ?? '';
    for (let i = 0; i < text.length; i += PIECE) one(ch.index, { content: text.slice(i, i + PIECE) });
    (ch.message.tool_calls ?? []).forEach((t, i) => one(ch.index, { tool_calls: [{ index: i, ...t }] }));
    one(ch.index, {}, ch.finish_reason ?? 'stop');
  }
  if (req.stream_options?.include_usage && c.usage) out.push({ ...base, choices: [], usage: c.usage });
  return out;
}
