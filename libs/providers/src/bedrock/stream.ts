import type { ChatCompletionChunk, Usage } from '@gatehouse/contracts';
import type { z } from 'zod';
import { ProviderError } from '../types';
import { finishReasonOf, usageOf, type Envelope } from './chat-completions';
import { errorFromStreamException, scrubAll, type BedrockErrorContext } from './errors';
import type { StreamMessage } from './event-stream';
import { ContentBlockDeltaEvent, ContentBlockStartEvent, MessageStartEvent, MessageStopEvent, MetadataEvent } from './wire';

/**
 * ConverseStream messages as OpenAI chunks. Pure over its input, so fixture tests need no network.
 * messageStart → the role chunk; contentBlockStart(toolUse) → a tool call's id and name;
 * contentBlockDelta → content or tool arguments; messageStop → the finish chunk; metadata → the
 * usage chunk (empty `choices`, as OpenAI's `include_usage`). The stream is complete with its
 * metadata event, or when it ends cleanly after messageStop; anything less is `stream_cut`.
 */

type Delta = ChatCompletionChunk['choices'][number]['delta'];

function parse<T extends z.ZodType>(schema: T, m: StreamMessage, label: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(m.payload);
  } catch {
    throw new ProviderError('server', `${label}: ${m.eventType} event is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError('server', `${label}: unexpected ${m.eventType} event (${issue.path.join('.') || 'event'}: ${issue.message})`);
  }
  return parsed.data;
}

export async function* converseChunks(
  messages: AsyncIterable<StreamMessage>,
  env: Envelope,
  ctx: BedrockErrorContext,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const chunk = (delta: Delta, finish: ChatCompletionChunk['choices'][number]['finish_reason'] = null): ChatCompletionChunk => ({
    id: env.id,
    object: 'chat.completion.chunk',
    created: env.nowS,
    model: env.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  /** contentBlockIndex → OpenAI tool call index (tool calls are numbered apart from text blocks). */
  const toolIndex = new Map<number, number>();
  let stopped = false;
  let done = false;
  try {
    for await (const m of messages) {
      if (done) continue; // drain to the end of the body so the connection can be reused
      if (m.messageType === 'exception') throw errorFromStreamException(m.exceptionType ?? 'unknownException', m.payload, ctx);
      if (m.messageType === 'error') {
        throw new ProviderError('server', scrubAll(`${ctx.label} sent an error in the stream: ${m.errorCode ?? 'error'}: ${m.errorMessage ?? ''}`, ctx.secrets));
      }
      switch (m.eventType) {
        case 'messageStart':
          parse(MessageStartEvent, m, ctx.label);
          yield chunk({ role: 'assistant', content: '' });
          break;
        case 'contentBlockStart': {
          const e = parse(ContentBlockStartEvent, m, ctx.label);
          const tool = e.start.toolUse;
          if (!tool) break;
          const index = toolIndex.size;
          toolIndex.set(e.contentBlockIndex, index);
          yield chunk({ tool_calls: [{ index, id: tool.toolUseId, type: 'function', function: { name: tool.name, arguments: '' } }] });
          break;
        }
        case 'contentBlockDelta': {
          const { contentBlockIndex, delta } = parse(ContentBlockDeltaEvent, m, ctx.label);
          if (delta.text !== undefined) yield chunk({ content: delta.text });
          else if (delta.toolUse) {
            const index = toolIndex.get(contentBlockIndex);
            if (index === undefined) throw new ProviderError('server', `${ctx.label}: tool input for block ${contentBlockIndex}, which did not start a tool call`);
            yield chunk({ tool_calls: [{ index, function: { arguments: delta.toolUse.input } }] });
          } else if (delta.reasoningContent?.text !== undefined) yield chunk({ reasoning_content: delta.reasoningContent.text });
          break;
        }
        case 'messageStop':
          stopped = true;
          yield chunk({}, finishReasonOf(parse(MessageStopEvent, m, ctx.label).stopReason));
          break;
        case 'metadata': {
          const usage: Usage | null = (() => {
            const u = parse(MetadataEvent, m, ctx.label).usage;
            return u ? usageOf(u) : null;
          })();
          done = true;
          if (usage) yield { ...chunk({}), choices: [], usage };
          break;
        }
        default:
          break; // contentBlockStop, and events added later
      }
    }
  } catch (err) {
    // After metadata every chunk has been delivered: a broken tail loses nothing.
    if (!done) throw err;
  }
  if (!done && !stopped) throw new ProviderError('stream_cut', `${ctx.label}: stream ended without messageStop`);
}
