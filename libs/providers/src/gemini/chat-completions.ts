import type { ChatCompletion, ChatCompletionRequest, FinishReason, ToolCall, Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { DEPLOYMENT_DEFAULT_PARAMS, type Envelope } from '../openai/chat-completions';
import { ProviderError } from '../types';
import { THOUGHT_SIGNATURE_FIELD, toGeminiMessages, type GeminiContent } from './messages';
import { toGeminiSchema } from './schema';
import type { WireCandidate, WireResponse, WireUsageMetadata } from './wire';

/** Pure translation: OpenAI chat request → Gemini `GenerateContentRequest`, and `GenerateContentResponse` → OpenAI completion. */

export type DeploymentShape = Pick<Deployment, 'provider' | 'providerModel' | 'extra'>;

export interface GeminiRequestBody {
  contents: GeminiContent[];
  systemInstruction?: { parts: { text: string }[] };
  tools?: { functionDeclarations: Record<string, unknown>[] }[];
  toolConfig?: { functionCallingConfig: { mode: 'AUTO' | 'NONE' | 'ANY'; allowedFunctionNames?: string[] } };
  generationConfig?: Record<string, unknown>;
  safetySettings?: unknown[];
}

/** LiteLLM's thinking budgets for `reasoning_effort` on Gemini 2.5 models. */
const THINKING_BUDGET: Record<string, number> = { none: 0, disable: 0, low: 1024, medium: 2048, high: 4096 };

export function toGeminiBody(request: ChatCompletionRequest, deployment: DeploymentShape): GeminiRequestBody {
  const r: Record<string, unknown> = {};
  for (const key of DEPLOYMENT_DEFAULT_PARAMS) if (deployment.extra[key] !== undefined) r[key] = deployment.extra[key];
  for (const [key, value] of Object.entries(request)) if (value !== undefined && value !== null) r[key] = value;
  const body: GeminiRequestBody = toGeminiMessages(request.messages);
  const declarations = functionDeclarations(request.tools);
  if (declarations.length > 0) {
    body.tools = [{ functionDeclarations: declarations }];
    const toolConfig = functionCallingConfig(request.tool_choice);
    if (toolConfig) body.toolConfig = { functionCallingConfig: toolConfig };
  }
  const config = generationConfig(r);
  if (Object.keys(config).length > 0) body.generationConfig = config;
  const safety = deployment.extra.safety_settings ?? r.safety_settings;
  if (Array.isArray(safety)) body.safetySettings = safety;
  return body;
}

function generationConfig(r: Record<string, unknown>): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const set = (key: string, value: unknown) => value !== undefined && (c[key] = value);
  set('temperature', num(r.temperature));
  set('topP', num(r.top_p));
  set('topK', num(r.top_k));
  set('maxOutputTokens', num(r.max_completion_tokens) ?? num(r.max_tokens));
  set('candidateCount', num(r.n));
  set('seed', num(r.seed));
  set('presencePenalty', num(r.presence_penalty));
  set('frequencyPenalty', num(r.frequency_penalty));
  if (typeof r.stop === 'string') c.stopSequences = [r.stop];
  else if (Array.isArray(r.stop) && r.stop.length > 0) c.stopSequences = r.stop;
  const format = r.response_format as { type?: unknown; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type === 'json_object') c.responseMimeType = 'application/json';
  else if (format?.type === 'json_schema') {
    c.responseMimeType = 'application/json';
    if (format.json_schema?.schema !== undefined) c.responseSchema = toGeminiSchema(format.json_schema.schema);
  }
  if (typeof r.reasoning_effort === 'string' && r.reasoning_effort in THINKING_BUDGET) {
    c.thinkingConfig = { thinkingBudget: THINKING_BUDGET[r.reasoning_effort] };
  }
  return c;
}

function functionDeclarations(tools: ChatCompletionRequest['tools']): Record<string, unknown>[] {
  return (tools ?? []).map((tool) => {
    const fn = (tool as { function?: { name?: unknown; description?: unknown; parameters?: unknown } }).function;
    if (tool.type !== 'function' || typeof fn?.name !== 'string') {
      throw new ProviderError('bad_request', `Gemini supports function tools only (got type "${tool.type}")`);
    }
    const decl: Record<string, unknown> = { name: fn.name };
    if (typeof fn.description === 'string') decl.description = fn.description;
    const params = toGeminiSchema(fn.parameters);
    // A function without parameters has none at all: an empty OBJECT schema is rejected.
    if (Object.keys(params.properties ?? {}).length > 0) decl.parameters = params;
    return decl;
  });
}

type CallingConfig = NonNullable<GeminiRequestBody['toolConfig']>['functionCallingConfig'];

function functionCallingConfig(choice: unknown): CallingConfig | null {
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'none') return { mode: 'NONE' };
  if (choice === 'required') return { mode: 'ANY' };
  const name = (choice as { function?: { name?: unknown } } | null | undefined)?.function?.name;
  return typeof name === 'string' ? { mode: 'ANY', allowedFunctionNames: [name] } : null;
}

const FINISH: Record<string, FinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
};

/** Gemini's finish reason in OpenAI's set; a candidate that called functions finished with `tool_calls`. */
export function geminiFinishReason(raw: string | undefined, calledTools: boolean): FinishReason | null {
  if (raw === undefined) return null;
  const reason = FINISH[raw] ?? 'stop'; // OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, …
  return reason === 'stop' && calledTools ? 'tool_calls' : reason;
}

export function geminiUsage(meta: WireUsageMetadata | undefined): Usage | undefined {
  if (!meta || meta.promptTokenCount === undefined) return undefined;
  const prompt = meta.promptTokenCount;
  const thoughts = meta.thoughtsTokenCount ?? 0;
  // OpenAI counts reasoning inside completion_tokens; Gemini reports thoughts apart.
  const completion = (meta.candidatesTokenCount ?? 0) + thoughts;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: meta.totalTokenCount ?? prompt + completion + (meta.toolUsePromptTokenCount ?? 0),
    ...(meta.cachedContentTokenCount !== undefined ? { prompt_tokens_details: { cached_tokens: meta.cachedContentTokenCount } } : {}),
    ...(meta.thoughtsTokenCount !== undefined ? { completion_tokens_details: { reasoning_tokens: thoughts } } : {}),
  };
}

/** Gemini sends no tool-call ids (Vertex sometimes does): ours are derived from the envelope id. */
export function toolCallId(env: Envelope, choice: number, n: number): string {
  return `call_${env.id.replace(/^chatcmpl-/, '').replace(/[^A-Za-z0-9]/g, '').slice(-20)}_${choice}_${n}`;
}

export interface CandidateOutput {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
}

/** Text, thought summaries and function calls of one candidate; `firstCall` numbers calls across stream events. */
export function candidateOutput(candidate: WireCandidate, choice: number, env: Envelope, firstCall = 0): CandidateOutput {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const part of candidate.content?.parts ?? []) {
    if (part.functionCall) {
      const { id, name, args } = part.functionCall;
      const call: ToolCall = { id: id ?? toolCallId(env, choice, firstCall + toolCalls.length), type: 'function', function: { name, arguments: JSON.stringify(args ?? {}) } };
      if (part.thoughtSignature) call[THOUGHT_SIGNATURE_FIELD] = { thought_signature: part.thoughtSignature };
      toolCalls.push(call);
    } else if (typeof part.text === 'string') {
      if (part.thought) reasoning += part.text;
      else text += part.text;
    }
  }
  return { text, reasoning, toolCalls };
}

export function fromGeminiResponse(wire: WireResponse, deployment: DeploymentShape, env: Envelope): ChatCompletion {
  const usage = geminiUsage(wire.usageMetadata);
  const base = { id: env.id, object: 'chat.completion' as const, created: env.nowS, model: wire.modelVersion ?? deployment.providerModel };
  const candidates = wire.candidates ?? [];
  if (candidates.length === 0) {
    // A blocked prompt: no candidates, only `promptFeedback.blockReason`. Not an error for the client.
    const finish: FinishReason = wire.promptFeedback?.blockReason ? 'content_filter' : 'stop';
    return { ...base, choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: finish }], ...(usage ? { usage } : {}) };
  }
  return {
    ...base,
    choices: candidates.map((candidate, i) => {
      const index = candidate.index ?? i;
      const out = candidateOutput(candidate, index, env);
      const hasCalls = out.toolCalls.length > 0;
      return {
        index,
        message: {
          role: 'assistant' as const,
          content: out.text || (hasCalls ? null : ''),
          ...(out.reasoning ? { reasoning_content: out.reasoning } : {}),
          ...(hasCalls ? { tool_calls: out.toolCalls } : {}),
        },
        finish_reason: geminiFinishReason(candidate.finishReason, hasCalls) ?? 'stop',
      };
    }),
    ...(usage ? { usage } : {}),
  };
}
