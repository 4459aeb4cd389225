import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { ChatPlan } from '../chat-plan';
import { fnv1a } from '../text';
import { STOP_REASONS } from './converse';

/**
 * A planned answer as Bedrock writes it: one Converse JSON body, or ConverseStream's event-stream
 * messages (`:event-type`, `:content-type: application/json`, `:message-type: event`), payloads
 * carrying the `p` padding field real streams have.
 */

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface SimToolUse {
  toolUseId: string;
  name: string;
  input: unknown;
}

export function toolUseOf(plan: ChatPlan): SimToolUse | null {
  if (!plan.toolCall) return null;
  const { name, arguments: args } = plan.toolCall.function;
  return { toolUseId: `tooluse_${fnv1a(name + args).toString(36).padStart(7, '0')}${fnv1a(args).toString(36)}`, name, input: JSON.parse(args) };
}

function usage(plan: ChatPlan) {
  return { inputTokens: plan.promptTokens, outputTokens: plan.completionTokens, totalTokens: plan.promptTokens + plan.completionTokens };
}

export function renderConverse(plan: ChatPlan, latencyMs: number): string {
  const tool = toolUseOf(plan);
  const content = tool ? [{ toolUse: tool }] : [{ text: plan.pieces.join('') }];
  return JSON.stringify({
    metrics: { latencyMs },
    output: { message: { content, role: 'assistant' } },
    stopReason: STOP_REASONS[plan.finishReason],
    usage: usage(plan),
  });
}

export function eventFrame(eventType: string, payload: Record<string, unknown>): Uint8Array {
  const p = PADDING.slice(0, 1 + (fnv1a(JSON.stringify(payload)) % PADDING.length));
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify({ ...payload, p })),
  });
}

export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** The frames of a ConverseStream answer, in order. */
export function renderStreamFrames(plan: ChatPlan, latencyMs: number): Uint8Array[] {
  const frames = [eventFrame('messageStart', { role: 'assistant' })];
  const tool = toolUseOf(plan);
  if (tool) {
    frames.push(eventFrame('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { name: tool.name, toolUseId: tool.toolUseId } } }));
    const input = JSON.stringify(tool.input);
    const half = Math.ceil(input.length / 2);
    for (const piece of [input.slice(0, half), input.slice(half)]) {
      if (piece) frames.push(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: piece } } }));
    }
  } else {
    for (const text of plan.pieces) frames.push(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
  }
  frames.push(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
  frames.push(eventFrame('messageStop', { stopReason: STOP_REASONS[plan.finishReason] }));
  frames.push(eventFrame('metadata', { metrics: { latencyMs }, usage: usage(plan) }));
  return frames;
}
