import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, FinishReason, ToolCall, Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { scrub, upstreamError, type ErrorContext } from '../http';
import { ProviderError } from '../types';
import { WireCompletion, type WireChunk, type WireToolCall, type WireUsage } from './wire';

/** Pure translation between Gatehouse's OpenAI form and what an OpenAI-compatible server takes and gives. */

/** Request fields that mean something to the gateway (LiteLLM's or ours) and nothing to a provider. */
export const GATEWAY_ONLY_FIELDS = [
  'metadata', 'tags', 'fallbacks', 'num_retries', 'mock_response', 'caching', 'cache', 'guardrails', 'api_key', 'api_base', 'timeout',
] as const;

/** `litellm_params` keys that are request parameters: deployment defaults; the client's value wins. */
export const DEPLOYMENT_DEFAULT_PARAMS = [
  'temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'stop', 'seed', 'frequency_penalty', 'presence_penalty',
  'response_format', 'reasoning_effort',
] as const;

/** Values the transforms need from outside (the clock, an id) so that they stay pure. */
export interface Envelope {
  nowS: number;
  /** Used when the provider sent no id. */
  id: string;
}

export type DeploymentShape = Pick<Deployment, 'provider' | 'providerModel' | 'extra'>;

export function toOpenAIBody(request: ChatCompletionRequest, deployment: DeploymentShape, stream: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of DEPLOYMENT_DEFAULT_PARAMS) if (deployment.extra[key] !== undefined) body[key] = deployment.extra[key];
  const extraBody = deployment.extra.extra_body;
  if (extraBody && typeof extraBody === 'object') Object.assign(body, extraBody);
  for (const [key, value] of Object.entries(request)) if (value !== undefined) body[key] = value;
  for (const key of GATEWAY_ONLY_FIELDS) delete body[key];
  body.model = deployment.providerModel;
  if (stream) {
    body.stream = true;
    // The router bills from usage, so it is always asked for, whatever the client wanted.
    body.stream_options = { ...(request.stream_options ?? {}), include_usage: true };
  } else {
    delete body.stream;
    delete body.stream_options;
  }
  return body;
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  content_filter: 'content_filter',
  function_call: 'function_call',
  // Names some compatible servers use for the same things.
  eos: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_length: 'length',
  tool_use: 'tool_calls',
};

/** A provider's finish reason in OpenAI's closed set; an unknown one reads as `stop`. */
export function normalizeFinishReason(raw: string | null | undefined): FinishReason | null {
  return raw === null || raw === undefined ? null : (FINISH_REASONS[raw] ?? 'stop');
}

export function toUsage(wire: WireUsage): Usage {
  return { ...wire, total_tokens: wire.total_tokens ?? wire.prompt_tokens + wire.completion_tokens };
}

function toToolCall(wire: WireToolCall): ToolCall {
  const args = wire.function.arguments;
  return { ...wire, type: 'function', function: { ...wire.function, arguments: typeof args === 'string' ? args : JSON.stringify(args) } };
}

export function fromWireCompletion(wire: WireCompletion, deployment: DeploymentShape, env: Envelope): ChatCompletion {
  const { id, object: _object, created, model, choices, usage, ...rest } = wire;
  return {
    ...rest,
    id: id ?? env.id,
    object: 'chat.completion',
    created: Math.floor(created ?? env.nowS),
    model: model ?? deployment.providerModel,
    choices: choices.map((choice, i) => {
      const { index, message, finish_reason, ...choiceRest } = choice;
      const { role: _role, content, tool_calls, ...messageRest } = message;
      return {
        ...choiceRest,
        index: index ?? i,
        message: { ...messageRest, role: 'assistant' as const, content: content ?? null, ...(tool_calls?.length ? { tool_calls: tool_calls.map(toToolCall) } : {}) },
        finish_reason: normalizeFinishReason(finish_reason),
      };
    }),
    ...(usage ? { usage: toUsage(usage) } : {}),
  };
}

export function fromWireChunk(wire: WireChunk, deployment: DeploymentShape, env: Envelope): ChatCompletionChunk {
  const { id, object: _object, created, model, choices, usage, ...rest } = wire;
  return {
    ...rest,
    id: id ?? env.id,
    object: 'chat.completion.chunk',
    created: Math.floor(created ?? env.nowS),
    model: model ?? deployment.providerModel,
    choices: choices.map((choice, i) => {
      const { index, delta, finish_reason, ...choiceRest } = choice;
      const { role, tool_calls, ...deltaRest } = delta ?? {};
      return {
        ...choiceRest,
        index: index ?? i,
        delta: { ...deltaRest, ...(role ? { role } : {}), ...(tool_calls ? { tool_calls } : {}) },
        finish_reason: normalizeFinishReason(finish_reason),
      };
    }),
    ...(usage ? { usage: toUsage(usage) } : {}),
  };
}

/** A 2xx body as a completion; anything else a compatible server may send there is a server error. */
export function parseCompletion(text: string, deployment: DeploymentShape, env: Envelope, ctx: ErrorContext): ChatCompletion {
  const label = ctx.label;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('server', `${label}: response is not JSON`);
  }
  if (json && typeof json === 'object' && 'error' in json && json.error) {
    throw new ProviderError('server', scrub(`${label} answered with an error: ${upstreamError(text).message}`, ctx.apiKey));
  }
  const parsed = WireCompletion.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError('server', `${label}: unexpected response (${issue.path.join('.') || 'body'}: ${issue.message})`);
  }
  return fromWireCompletion(parsed.data, deployment, env);
}
