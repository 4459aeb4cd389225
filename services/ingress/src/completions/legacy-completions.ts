import { z } from 'zod';
import { type ChatCompletion, type ChatCompletionChunk, type ChatCompletionRequest, GatehouseError } from '@gatehouse/contracts';
import { parseChatRequest } from '../chat/parse-chat-request';

/**
 * Pure translation of OpenAI's legacy Completions API (`POST /v1/completions`) to and from chat:
 * the prompt becomes one user message; each choice's message becomes `text`. Parameters that only
 * make sense for a raw completion model (`echo`, `suffix`, `best_of` > 1, several prompts in one
 * request) are refused with a 400 naming them rather than answered wrongly.
 */

const LegacyRequest = z.looseObject({
  model: z.string().min(1, 'model is required'),
  prompt: z.union([z.string(), z.array(z.string()).min(1), z.array(z.unknown())], { message: 'prompt must be a string or an array of strings' }),
  logprobs: z.number().int().min(0).max(5).nullish(),
  echo: z.boolean().nullish(),
  suffix: z.string().nullish(),
  best_of: z.number().int().min(1).nullish(),
});

export function parseLegacyCompletion(body: unknown): ChatCompletionRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new GatehouseError('invalid_request', 'The request body must be a JSON object.');
  }
  const parsed = LegacyRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue.path.map(String).join('.');
    throw new GatehouseError('invalid_request', `Invalid request: ${param ? `${param}: ` : ''}${issue.message}`, { param: param || undefined });
  }
  const { prompt, logprobs, echo, suffix, best_of, ...rest } = parsed.data;
  const refuse = (param: string, why: string) => new GatehouseError('invalid_request', `${why} (Gatehouse serves /v1/completions through chat models).`, { param });
  if (Array.isArray(prompt) && (prompt.length !== 1 || typeof prompt[0] !== 'string')) throw refuse('prompt', 'Only one prompt string per request is supported');
  if (echo) throw refuse('echo', 'echo is not supported');
  if (suffix) throw refuse('suffix', 'suffix is not supported');
  if (best_of !== null && best_of !== undefined && best_of > (rest.n as number | undefined ?? 1)) throw refuse('best_of', 'best_of is not supported');
  const text = Array.isArray(prompt) ? (prompt[0] as string) : prompt;
  const chat: Record<string, unknown> = { ...rest, messages: [{ role: 'user', content: text }] };
  if (logprobs !== null && logprobs !== undefined) Object.assign(chat, { logprobs: true, top_logprobs: logprobs });
  return parseChatRequest(chat);
}

interface ChatLogprobs {
  content?: { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }[] | null;
}

export interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: number[];
  top_logprobs: Record<string, number>[];
  text_offset: number[];
}

/** Pure: chat's per-token logprobs in the legacy shape (parallel arrays). */
export function legacyLogprobs(lp: unknown, offset = 0): LegacyLogprobs | null {
  const content = (lp as ChatLogprobs | null | undefined)?.content;
  if (!Array.isArray(content)) return null;
  const out: LegacyLogprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  let at = offset;
  for (const t of content) {
    out.tokens.push(t.token);
    out.token_logprobs.push(t.logprob);
    out.top_logprobs.push(Object.fromEntries((t.top_logprobs ?? []).map((x) => [x.token, x.logprob])));
    out.text_offset.push(at);
    at += t.token.length;
  }
  return out;
}

const legacyId = (id: string) => id.replace(/^chatcmpl-/, 'cmpl-');

export function toTextCompletion(c: ChatCompletion) {
  return {
    id: legacyId(c.id),
    object: 'text_completion' as const,
    created: c.created,
    model: c.model,
    ...(c.system_fingerprint ? { system_fingerprint: c.system_fingerprint } : {}),
    choices: c.choices.map((ch) => ({
      text: ch.message.content ?? '',
      index: ch.index,
      logprobs: legacyLogprobs((ch as { logprobs?: unknown }).logprobs),
      finish_reason: ch.finish_reason,
    })),
    ...(c.usage ? { usage: c.usage } : {}),
  };
}

/** Pure: one chat chunk as a streamed `text_completion`, or null when it carries nothing to say (the role chunk). */
export function toTextCompletionChunk(c: ChatCompletionChunk) {
  const choices = c.choices
    .filter((ch) => (ch.delta.content ?? '') !== '' || ch.finish_reason)
    .map((ch) => ({
      text: ch.delta.content ?? '',
      index: ch.index,
      logprobs: legacyLogprobs((ch as { logprobs?: unknown }).logprobs),
      finish_reason: ch.finish_reason ?? null,
    }));
  if (choices.length === 0 && !c.usage) return null;
  return {
    id: legacyId(c.id),
    object: 'text_completion' as const,
    created: c.created,
    model: c.model,
    choices,
    ...(c.usage ? { usage: c.usage } : {}),
  };
}
