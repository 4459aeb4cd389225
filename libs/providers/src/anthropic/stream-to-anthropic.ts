import type { ChatCompletionChunk, EndFrame, FinishReason } from '@gatehouse/contracts';
import { anthropicUsageOf, messageId, stopReasonOf } from './message-to-anthropic';

/**
 * Pure state machine: OpenAI chunks in, Anthropic stream events out (for clients that speak
 * Anthropic to the gateway). The first chunk opens the message (`message_start`); content,
 * reasoning and each tool call become content blocks, opened and closed in order
 * (`content_block_start` / `_delta` / `_stop`), tool arguments as `input_json_delta`s; `end`
 * closes the message with the stop reason and the usage of the whole call (`message_delta`,
 * `message_stop`). Usage is not known at `message_start` (it is 0 there) but `message_delta`
 * carries every counter, which the Anthropic SDKs take as the message's totals.
 */

export interface AnthropicEvent {
  type: string;
  [k: string]: unknown;
}

type OpenBlock = { kind: 'text' | 'thinking'; index: number } | { kind: 'tool'; index: number; toolIndex: number };

export class AnthropicStreamWriter {
  private started = false;
  private blocks = 0;
  private open: OpenBlock | null = null;
  /** OpenAI tool call index → Anthropic block index, for argument pieces of an earlier call. */
  private toolBlocks = new Map<number, number>();
  private finish: FinishReason | null = null;

  /** `fallback` names the message when the stream ends before any chunk came. */
  constructor(private readonly fallback: { id: string; model: string }) {}

  chunk(chunk: ChatCompletionChunk): AnthropicEvent[] {
    const out: AnthropicEvent[] = [];
    this.start(chunk, out);
    const choice = chunk.choices.find((c) => c.index === 0);
    if (!choice) return out; // the usage-only chunk: usage comes with the end frame
    const delta = choice.delta as { content?: string | null; reasoning_content?: unknown; tool_calls?: ToolDelta[] };
    if (typeof delta.reasoning_content === 'string' && delta.reasoning_content) {
      this.ensure('thinking', out);
      out.push(this.blockDelta({ type: 'thinking_delta', thinking: delta.reasoning_content }));
    }
    if (delta.content) {
      this.ensure('text', out);
      out.push(this.blockDelta({ type: 'text_delta', text: delta.content }));
    }
    for (const call of delta.tool_calls ?? []) this.tool(call, out);
    if (choice.finish_reason) this.finish = choice.finish_reason;
    return out;
  }

  end(frame: Pick<EndFrame, 'usage' | 'finish_reason'>): AnthropicEvent[] {
    const out: AnthropicEvent[] = [];
    this.start(null, out);
    this.close(out);
    out.push({
      type: 'message_delta',
      delta: { stop_reason: stopReasonOf(frame.finish_reason ?? this.finish), stop_sequence: null },
      usage: anthropicUsageOf(frame.usage),
    });
    out.push({ type: 'message_stop' });
    return out;
  }

  private start(chunk: ChatCompletionChunk | null, out: AnthropicEvent[]): void {
    if (this.started) return;
    this.started = true;
    out.push({
      type: 'message_start',
      message: {
        id: messageId(chunk?.id ?? this.fallback.id),
        type: 'message',
        role: 'assistant',
        model: chunk?.model ?? this.fallback.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
      },
    });
  }

  private tool(call: ToolDelta, out: AnthropicEvent[]): void {
    const known = this.toolBlocks.get(call.index);
    if (known === undefined || call.id) {
      this.close(out);
      const index = this.blocks++;
      this.toolBlocks.set(call.index, index);
      this.open = { kind: 'tool', index, toolIndex: call.index };
      const block = { type: 'tool_use', id: call.id ?? `toolu_${index}`, name: call.function?.name ?? '', input: {} };
      out.push({ type: 'content_block_start', index, content_block: block });
    }
    const args = call.function?.arguments;
    if (args) out.push({ type: 'content_block_delta', index: this.toolBlocks.get(call.index)!, delta: { type: 'input_json_delta', partial_json: args } });
  }

  private ensure(kind: 'text' | 'thinking', out: AnthropicEvent[]): void {
    if (this.open?.kind === kind) return;
    this.close(out);
    const index = this.blocks++;
    this.open = { kind, index };
    const block = kind === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' };
    out.push({ type: 'content_block_start', index, content_block: block });
  }

  private blockDelta(delta: Record<string, unknown>): AnthropicEvent {
    return { type: 'content_block_delta', index: this.open!.index, delta };
  }

  private close(out: AnthropicEvent[]): void {
    if (!this.open) return;
    out.push({ type: 'content_block_stop', index: this.open.index });
    this.open = null;
  }
}

interface ToolDelta {
  index: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

/** One event in SSE framing: an `event:` line named after its type, then its `data:` line. */
export function sseFrame(event: AnthropicEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
