import type { ChatPlan } from './chat-plan';

/**
 * Renders a chat plan in the exact shapes of the OpenAI API reference (chat completion object and
 * chat completion chunk object), including the fields clients see but rarely read.
 */

const SYSTEM_FINGERPRINT = 'fp_simulator';

export interface Envelope {
  id: string;
  created: number;
}

function usage(plan: ChatPlan) {
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: plan.completionTokens,
    total_tokens: plan.promptTokens + plan.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

export function renderCompletion(plan: ChatPlan, env: Envelope): string {
  const message = plan.toolCall
    ? { role: 'assistant', content: null, tool_calls: [plan.toolCall], refusal: null, annotations: [] }
    : { role: 'assistant', content: plan.pieces.join(''), refusal: null, annotations: [] };
  const choices = [];
  for (let index = 0; index < plan.choices; index++) {
    choices.push({ index, message, logprobs: null, finish_reason: plan.finishReason });
  }
  return JSON.stringify({
    id: env.id,
    object: 'chat.completion',
    created: env.created,
    model: plan.model,
    choices,
    usage: usage(plan),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  });
}

/**
 * The `data:` payloads of a stream, in order, without the final `[DONE]`: per choice a role
 * delta, the content (or tool-call) deltas, a finish delta; then the usage chunk (empty
 * `choices`) when asked for. With `include_usage` every other chunk carries `usage: null`.
 */
export function renderChunks(plan: ChatPlan, env: Envelope, includeUsage: boolean): string[] {
  const head = `{"id":${JSON.stringify(env.id)},"object":"chat.completion.chunk","created":${env.created},"model":${JSON.stringify(plan.model)},"service_tier":"default","system_fingerprint":"${SYSTEM_FINGERPRINT}","choices":`;
  const tail = includeUsage ? ',"usage":null}' : '}';
  const chunk = (index: number, delta: object, finish: string | null) =>
    `${head}[{"index":${index},"delta":${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish ? `"${finish}"` : 'null'}}]${tail}`;
  const out: string[] = [];
  for (let index = 0; index < plan.choices; index++) {
    if (plan.toolCall) {
      const { id, type, function: fn } = plan.toolCall;
      out.push(chunk(index, { role: 'assistant', content: null, tool_calls: [{ index: 0, id, type, function: { name: fn.name, arguments: '' } }], refusal: null }, null));
      // Arguments arrive in pieces, as they do from OpenAI: clients must concatenate them.
      const half = Math.ceil(fn.arguments.length / 2);
      for (const part of [fn.arguments.slice(0, half), fn.arguments.slice(half)]) {
        if (part) out.push(chunk(index, { tool_calls: [{ index: 0, function: { arguments: part } }] }, null));
      }
    } else {
      out.push(chunk(index, { role: 'assistant', content: '', refusal: null }, null));
      for (const piece of plan.pieces) out.push(chunk(index, { content: piece }, null));
    }
    out.push(chunk(index, {}, plan.finishReason));
  }
  if (includeUsage) out.push(`${head}[],"usage":${JSON.stringify(usage(plan))}}`);
  return out;
}
