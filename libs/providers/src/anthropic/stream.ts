import type { ChatCompletionChunk, FinishReason, Usage } from '@gatehouse/contracts';
import { scrub, type ErrorContext } from '../http';
import type { SseEvent } from '../sse';
import { ProviderError } from '../types';
import { finishReasonOf, usageOf, type AnthropicEnvelope } from './message-from-anthropic';
import { type AnthropicUsage, KNOWN_EVENTS, StreamEvent } from './wire';

/**
 * Pure over its input events: an Anthropic Messages SSE stream as OpenAI chunks, each yielded as
 * its event arrives. `message_start` → the role chunk; text and thinking deltas → `content` and
 * `reasoning_content`; a `tool_use` block → a tool call (its own OpenAI `index`, counted apart
 * from content blocks) whose `input_json_delta`s are the argument pieces; `message_delta` → the
 * finish chunk; `message_stop` → the usage-only chunk (`choices: []`). The stream is complete
 * only with `message_stop`: ending without it is `stream_cut`; an `error` event is `server`.
 */
export async function* anthropicChunks(
  events: AsyncIterable<SseEvent>,
  model: string,
  env: AnthropicEnvelope,
  ctx: ErrorContext,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const state = new StreamState(model, env);
  let done = false;
  try {
    for await (const sse of events) {
      if (done) continue; // drain so the connection can be reused
      // New event types may appear (the reference says so): skip them, by name or by `type`.
      if (sse.event !== undefined && !KNOWN_EVENTS.has(sse.event)) continue;
      let json: unknown;
      try {
        json = JSON.parse(sse.data);
      } catch {
        throw new ProviderError('server', `${ctx.label}: stream event is not JSON`);
      }
      const name = (json as { type?: unknown } | null)?.type;
      if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) continue;
      const parsed = StreamEvent.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProviderError('server', `${ctx.label}: unexpected stream event ${name} (${issue.path.join('.') || 'event'}: ${issue.message})`);
      }
      const event = parsed.data;
      if (event.type === 'error') {
        throw new ProviderError('server', scrub(`${ctx.label} sent an error in the stream: ${event.error.type}: ${event.error.message}`, ctx.apiKey));
      }
      if (event.type === 'message_stop') done = true;
      const chunk = state.next(event);
      if (chunk) yield chunk;
    }
  } catch (err) {
    if (!done) throw err; // after message_stop everything was delivered: a broken tail loses nothing
  }
  if (!done) throw new ProviderError('stream_cut', `${ctx.label}: stream ended without message_stop`);
}

type Delta = ChatCompletionChunk['choices'][number]['delta'];

/** What a stream has said so far: ids, which content block is which tool call, usage. */
export class StreamState {
  private id = '';
  private toolIndexOfBlock = new Map<number, number>();
  private usage: Partial<AnthropicUsage> = {};
  private finish: FinishReason | null = null;

  constructor(
    private model: string,
    private readonly env: AnthropicEnvelope,
  ) {}

  /** The chunk an event becomes, or null when it says nothing a client sees. */
  next(event: StreamEvent): ChatCompletionChunk | null {
    switch (event.type) {
      case 'message_start':
        this.id = event.message.id;
        this.model = event.message.model ?? this.model;
        this.usage = { ...event.message.usage };
        return this.delta({ role: 'assistant', content: '' });
      case 'content_block_start': {
        const block = event.content_block as { type: string; text?: string; thinking?: string; id?: string; name?: string };
        if (block.type === 'tool_use') {
          const index = this.toolIndexOfBlock.size;
          this.toolIndexOfBlock.set(event.index, index);
          return this.delta({ tool_calls: [{ index, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] });
        }
        if (block.type === 'text' && block.text) return this.delta({ content: block.text });
        if (block.type === 'thinking' && block.thinking) return this.delta({ reasoning_content: block.thinking });
        return null;
      }
      case 'content_block_delta': {
        const d = event.delta as { type: string; text?: string; partial_json?: string; thinking?: string };
        if (d.type === 'text_delta' && d.text) return this.delta({ content: d.text });
        if (d.type === 'thinking_delta' && d.thinking) return this.delta({ reasoning_content: d.thinking });
        const index = this.toolIndexOfBlock.get(event.index);
        if (d.type === 'input_json_delta' && d.partial_json && index !== undefined) {
          return this.delta({ tool_calls: [{ index, function: { arguments: d.partial_json } }] });
        }
        return null;
      }
      case 'message_delta':
        if (event.usage) for (const [k, v] of Object.entries(event.usage)) if (typeof v === 'number') (this.usage as Record<string, number>)[k] = v;
        this.finish = finishReasonOf(event.delta.stop_reason) ?? 'stop';
        return this.chunk([{ index: 0, delta: {}, finish_reason: this.finish }]);
      case 'message_stop':
        return this.chunk([], usageOf(this.usage));
      case 'content_block_stop':
      case 'ping':
      case 'error':
        return null;
      default: {
        const never: never = event;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }

  private delta(delta: Delta): ChatCompletionChunk {
    return this.chunk([{ index: 0, delta, finish_reason: null }]);
  }

  private chunk(choices: ChatCompletionChunk['choices'], usage?: Usage): ChatCompletionChunk {
    return { id: this.id, object: 'chat.completion.chunk', created: this.env.nowS, model: this.model, choices, ...(usage ? { usage } : {}) };
  }
}
