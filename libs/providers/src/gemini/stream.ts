import type { ChatCompletionChunk, Usage } from '@gatehouse/contracts';
import type { ErrorContext } from '../http';
import type { Envelope } from '../openai/chat-completions';
import type { SseEvent } from '../sse';
import { ProviderError } from '../types';
import { candidateOutput, geminiFinishReason, geminiUsage, type DeploymentShape } from './chat-completions';
import { googleStreamError } from './errors';
import { WireResponse } from './wire';

type Choice = ChatCompletionChunk['choices'][number];

/**
 * `streamGenerateContent?alt=sse` as OpenAI chunks. Pure over its input events. Each `data:` event
 * is a whole GenerateContentResponse: its text becomes a content delta, each function call one
 * complete tool-call delta (Gemini never splits arguments). Gemini sends no terminator: the
 * stream is complete when every candidate has a finish reason (or the prompt was blocked);
 * ending before that is `stream_cut`. Usage, cumulative in every event, goes out once at the end.
 */
export async function* geminiChunks(
  events: AsyncIterable<SseEvent>,
  deployment: DeploymentShape,
  env: Envelope,
  ctx: ErrorContext,
): AsyncGenerator<ChatCompletionChunk, void, undefined> {
  const choices = new Map<number, { calls: number; finished: boolean }>();
  let model = deployment.providerModel;
  let usage: Usage | undefined;
  let blocked = false;
  const chunk = (list: Choice[], u?: Usage): ChatCompletionChunk => ({
    id: env.id, object: 'chat.completion.chunk', created: env.nowS, model, choices: list, ...(u ? { usage: u } : {}),
  });
  for await (const event of events) {
    if (event.event !== undefined && event.event !== 'message') continue;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      throw new ProviderError('server', `${ctx.label}: stream event is not JSON`);
    }
    if (json && typeof json === 'object' && 'error' in json && json.error) throw googleStreamError(event.data, ctx);
    const parsed = WireResponse.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProviderError('server', `${ctx.label}: unexpected stream event (${issue.path.join('.') || 'event'}: ${issue.message})`);
    }
    const wire = parsed.data;
    model = wire.modelVersion ?? model;
    usage = geminiUsage(wire.usageMetadata) ?? usage;
    const candidates = wire.candidates ?? [];
    if (candidates.length === 0 && wire.promptFeedback?.blockReason) {
      blocked = true;
      yield chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }]);
      continue;
    }
    const out: Choice[] = [];
    candidates.forEach((candidate, i) => {
      const index = candidate.index ?? i;
      let state = choices.get(index);
      const first = !state;
      if (!state) choices.set(index, (state = { calls: 0, finished: false }));
      const { text, reasoning, toolCalls } = candidateOutput(candidate, index, env, state.calls);
      const delta: Choice['delta'] = first ? { role: 'assistant' } : {};
      if (text || first) delta.content = text;
      if (reasoning) delta.reasoning_content = reasoning;
      if (toolCalls.length > 0) delta.tool_calls = toolCalls.map((call, k) => ({ index: state.calls + k, ...call }));
      state.calls += toolCalls.length;
      const finish = geminiFinishReason(candidate.finishReason, state.calls > 0);
      if (finish) state.finished = true;
      if (first || text || reasoning || toolCalls.length > 0 || finish) out.push({ index, delta, finish_reason: finish });
    });
    if (out.length > 0) yield chunk(out);
  }
  const complete = blocked || (choices.size > 0 && [...choices.values()].every((c) => c.finished));
  if (!complete) throw new ProviderError('stream_cut', `${ctx.label}: stream ended before a finish reason`);
  if (usage) yield chunk([], usage);
}
