import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatMessage, FinishReason, Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';

/**
 * The built-in mock model, as pure functions of the request. It answers
 * `This is a mock response from <model>. You said: <last user text, cut to 200 chars>` (or the
 * deployment's `mock_response`), counts tokens as whitespace-separated words (prompt: every
 * message; completion: the answer), streams one word per chunk, and stops at `max_tokens` words
 * with finish_reason `length`.
 */

export const MOCK_ECHO_CHARS = 200;

export type MockDeployment = Pick<Deployment, 'providerModel' | 'extra'>;

export interface MockEnvelope {
  id: string;
  nowS: number;
}

export interface MockAnswer {
  /** The answer as stream pieces: each word with its leading whitespace. */
  pieces: string[];
  finishReason: FinishReason;
  usage: Usage;
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export function messageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (typeof p.text === 'string' ? p.text : '')).filter(Boolean).join(' ');
}

export function mockAnswer(request: ChatCompletionRequest, deployment: MockDeployment): MockAnswer {
  let lastUser = '';
  let promptTokens = 0;
  for (const m of request.messages) {
    const text = messageText(m);
    promptTokens += countWords(text);
    if (m.role === 'user') lastUser = text;
  }
  const fixed = deployment.extra.mock_response;
  const said = lastUser.length > MOCK_ECHO_CHARS ? `${lastUser.slice(0, MOCK_ECHO_CHARS)}…` : lastUser;
  const text = typeof fixed === 'string' ? fixed : `This is a mock response from ${deployment.providerModel}. You said: ${said}`;
  let pieces: string[] = text.match(/\s*\S+/g) ?? [];
  let finishReason: FinishReason = 'stop';
  const max = request.max_completion_tokens ?? request.max_tokens ?? null;
  if (max !== null && pieces.length > max) {
    pieces = pieces.slice(0, max);
    finishReason = 'length';
  }
  const completionTokens = pieces.length;
  return { pieces, finishReason, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } };
}

export function mockCompletion(request: ChatCompletionRequest, deployment: MockDeployment, env: MockEnvelope): ChatCompletion {
  const answer = mockAnswer(request, deployment);
  return {
    id: env.id,
    object: 'chat.completion',
    created: env.nowS,
    model: deployment.providerModel,
    choices: [{ index: 0, message: { role: 'assistant', content: answer.pieces.join('') }, finish_reason: answer.finishReason }],
    usage: answer.usage,
  };
}

/** Role chunk, one chunk per word, the finish chunk, then the usage chunk (empty `choices`), as OpenAI streams. */
export function mockChunks(request: ChatCompletionRequest, deployment: MockDeployment, env: MockEnvelope): ChatCompletionChunk[] {
  const answer = mockAnswer(request, deployment);
  const chunk = (choices: ChatCompletionChunk['choices'], usage?: Usage): ChatCompletionChunk => ({
    id: env.id,
    object: 'chat.completion.chunk',
    created: env.nowS,
    model: deployment.providerModel,
    choices,
    ...(usage ? { usage } : {}),
  });
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...answer.pieces.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: answer.finishReason }]),
    chunk([], answer.usage),
  ];
}
