import type { ChatCompletionChunk, ChatCompletionRequest, EndFrame, FinishReason, GatehouseError, Usage } from '@gatehouse/contracts';
import type { StreamEncoder } from '../protocols/client-protocol';
import { type FunctionCallItem, type MessageItem, type OutputItem, responseEnvelope, responseIds, type ResponseStatus, statusOf, toResponseUsage } from './responses-render';

/**
 * Chat chunks → the Responses API event stream, for one response. Each event is an SSE
 * `event: <type>` + `data: {…, sequence_number}` pair: `response.created` and `.in_progress` first;
 * per output item `output_item.added`, then text (`content_part.added`, `output_text.delta`*,
 * `output_text.done`, `content_part.done`) or a function call (`function_call_arguments.delta`*,
 * `.done`), then `output_item.done`; finally `response.completed` with the whole response and usage.
 * There is no `[DONE]`. Only the first choice is rendered (the Responses API has no `n`).
 */
export class ResponsesStreamEncoder implements StreamEncoder {
  readonly contentType = 'text/event-stream; charset=utf-8';
  private seq = 0;
  private ids: ReturnType<typeof responseIds> | null = null;
  private envelope = { id: 'resp_pending', createdAt: Math.floor(Date.now() / 1000), model: '' };
  private readonly output: OutputItem[] = [];
  /** The message item text is being appended to, if open. */
  private message: MessageItem | null = null;
  /** Open function call items by their chat `tool_calls[].index`. */
  private readonly calls = new Map<number, FunctionCallItem>();
  private finish: FinishReason | null = null;
  private usage: Usage | null = null;

  constructor(private readonly request: ChatCompletionRequest) {
    this.envelope.model = request.model;
  }

  chunk(json: Uint8Array): Buffer | null {
    const c = JSON.parse(Buffer.from(json).toString('utf8')) as ChatCompletionChunk;
    const out: string[] = [];
    this.start(out, c);
    if (c.usage) this.usage = c.usage;
    const choice = c.choices.find((ch) => ch.index === 0);
    if (choice) {
      const text = choice.delta.content;
      if (text) this.text(out, text);
      for (const tc of (choice.delta.tool_calls ?? []) as ToolCallDelta[]) this.toolCall(out, tc);
      if (choice.finish_reason) this.finish = choice.finish_reason;
    }
    return out.length ? Buffer.from(out.join('')) : null;
  }

  end(frame: EndFrame): Buffer {
    const out: string[] = [];
    this.start(out, null);
    const { status, incomplete_details } = statusOf(frame.finish_reason ?? this.finish);
    this.closeAll(out, status === 'incomplete' ? 'incomplete' : 'completed');
    const usage = toResponseUsage(frame.usage ?? this.usage);
    this.emit(out, 'response.completed', { response: this.snapshot(status, incomplete_details, usage) });
    return Buffer.from(out.join(''));
  }

  error(err: GatehouseError): Buffer {
    const out: string[] = [];
    this.start(out, null);
    const body = err.toOpenAI().error;
    this.emit(out, 'error', { code: body.code, message: body.message, param: body.param });
    const failed = { ...this.snapshot('failed', null, toResponseUsage(this.usage)), error: { code: body.code, message: body.message } };
    this.emit(out, 'response.failed', { response: failed });
    return Buffer.from(out.join(''));
  }

  private start(out: string[], c: ChatCompletionChunk | null): void {
    if (this.ids) return;
    this.ids = responseIds(c?.id ?? `chatcmpl-${Date.now().toString(36)}`);
    this.envelope = { id: this.ids.response, createdAt: c?.created ?? this.envelope.createdAt, model: c?.model ?? this.envelope.model };
    const response = this.snapshot('in_progress', null, null);
    this.emit(out, 'response.created', { response });
    this.emit(out, 'response.in_progress', { response });
  }

  private text(out: string[], delta: string): void {
    if (!this.message) {
      this.message = { type: 'message', id: this.ids!.message(this.output.length), status: 'in_progress', role: 'assistant', content: [] };
      const index = this.add(out, this.message);
      const part = { type: 'output_text' as const, text: '', annotations: [] };
      this.message.content.push(part);
      this.emit(out, 'response.content_part.added', { item_id: this.message.id, output_index: index, content_index: 0, part: { ...part } });
    }
    this.message.content[0].text += delta;
    this.emit(out, 'response.output_text.delta', { item_id: this.message.id, output_index: this.indexOf(this.message), content_index: 0, delta, logprobs: [] });
  }

  private toolCall(out: string[], tc: ToolCallDelta): void {
    let item = this.calls.get(tc.index);
    if (!item) {
      this.closeMessage(out, 'completed');
      const callId = tc.id ?? `call_${this.output.length}`;
      item = { type: 'function_call', id: this.ids!.call(callId), call_id: callId, name: tc.function?.name ?? '', arguments: '', status: 'in_progress' };
      this.calls.set(tc.index, item);
      this.add(out, item);
    }
    const delta = tc.function?.arguments;
    if (delta) {
      item.arguments += delta;
      this.emit(out, 'response.function_call_arguments.delta', { item_id: item.id, output_index: this.indexOf(item), delta });
    }
  }

  private add(out: string[], item: OutputItem): number {
    const index = this.output.push(item) - 1;
    this.emit(out, 'response.output_item.added', { output_index: index, item: structuredClone(item) });
    return index;
  }

  private closeMessage(out: string[], status: MessageItem['status']): void {
    const m = this.message;
    if (!m) return;
    const index = this.indexOf(m);
    const part = m.content[0];
    this.emit(out, 'response.output_text.done', { item_id: m.id, output_index: index, content_index: 0, text: part.text, logprobs: [] });
    this.emit(out, 'response.content_part.done', { item_id: m.id, output_index: index, content_index: 0, part });
    m.status = status;
    this.emit(out, 'response.output_item.done', { output_index: index, item: m });
    this.message = null;
  }

  private closeAll(out: string[], status: 'completed' | 'incomplete'): void {
    this.closeMessage(out, status);
    for (const item of this.calls.values()) {
      const index = this.indexOf(item);
      this.emit(out, 'response.function_call_arguments.done', { item_id: item.id, output_index: index, name: item.name, arguments: item.arguments });
      item.status = status;
      this.emit(out, 'response.output_item.done', { output_index: index, item });
    }
    this.calls.clear();
  }

  private indexOf(item: OutputItem): number {
    return this.output.indexOf(item);
  }

  private snapshot(status: ResponseStatus, incomplete: { reason: string } | null, usage: ReturnType<typeof toResponseUsage>) {
    return structuredClone(responseEnvelope(this.envelope, this.request, { status, incomplete_details: incomplete, output: this.output, usage }));
  }

  private emit(out: string[], type: string, body: Record<string, unknown>): void {
    out.push(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: this.seq++, ...body })}\n\n`);
  }
}

interface ToolCallDelta {
  index: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}
