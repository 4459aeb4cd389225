import type { MessagesPlan, PlannedBlock } from './plan';

/**
 * Renders a plan in the exact shapes of Anthropic's Messages reference: the message object, and
 * the stream's events (`message_start`, `content_block_start`, `ping`, `content_block_delta`,
 * `content_block_stop`, `message_delta`, `message_stop`), each as an `event:` + `data:` pair.
 */

export interface SseEventOut {
  event: string;
  data: string;
}

function usage(plan: MessagesPlan, outputTokens: number) {
  return {
    input_tokens: plan.inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

function block(b: PlannedBlock) {
  return b.type === 'text' ? { type: 'text', text: b.pieces.join('') } : { type: 'tool_use', id: b.id, name: b.name, input: b.input };
}

export function renderMessage(plan: MessagesPlan, id: string): string {
  return JSON.stringify({
    id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content: plan.blocks.map(block),
    stop_reason: plan.stopReason,
    stop_sequence: plan.stopSequence,
    usage: usage(plan, plan.outputTokens),
  });
}

export function renderEvents(plan: MessagesPlan, id: string): SseEventOut[] {
  const out: SseEventOut[] = [];
  const push = (data: { type: string } & Record<string, unknown>) => out.push({ event: data.type, data: JSON.stringify(data) });
  // As Anthropic does: usage in message_start has the input and a provisional output count.
  push({
    type: 'message_start',
    message: { id, type: 'message', role: 'assistant', model: plan.model, content: [], stop_reason: null, stop_sequence: null, usage: usage(plan, 1) },
  });
  plan.blocks.forEach((b, index) => {
    if (b.type === 'text') {
      push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      if (index === 0) push({ type: 'ping' });
      for (const text of b.pieces) push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else {
      push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } });
      if (index === 0) push({ type: 'ping' });
      // The input arrives as partial JSON pieces (the first one empty), to be concatenated.
      const half = Math.ceil(b.json.length / 2);
      for (const partial_json of ['', b.json.slice(0, half), b.json.slice(half)]) {
        push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } });
      }
    }
    push({ type: 'content_block_stop', index });
  });
  push({ type: 'message_delta', delta: { stop_reason: plan.stopReason, stop_sequence: plan.stopSequence }, usage: { output_tokens: plan.outputTokens } });
  push({ type: 'message_stop' });
  return out;
}

export function sseText(e: SseEventOut): string {
  return `event: ${e.event}\ndata: ${e.data}\n\n`;
}
