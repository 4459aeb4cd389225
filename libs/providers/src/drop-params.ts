import { GatehouseError } from '@gatehouse/contracts';

/**
 * LiteLLM's `drop_params`: request parameters a provider cannot honour. With
 * `litellm_settings.drop_params: true` they are removed (and named in the response header
 * `x-gatehouse-dropped-params`); otherwise the request is refused with a 400 naming the parameter,
 * never silently ignored by the provider.
 *
 * Adapters declare what they cannot take here, one row per provider prefix (`UNSUPPORTED_CHAT_PARAMS`
 * for chat, `UNSUPPORTED_EMBEDDING_PARAMS` for embeddings). A parameter absent from the request,
 * or present with a value the provider does honour (`n: 1`, `logprobs: false`), is never a problem.
 */

export interface ParamRule {
  readonly param: string;
  /** True when this value cannot be honoured (the parameter is present). */
  readonly unsupported: (value: unknown) => boolean;
}

const present = (param: string): ParamRule => ({ param, unsupported: (v) => v !== undefined && v !== null });
const truthy = (param: string): ParamRule => ({ param, unsupported: (v) => v !== undefined && v !== null && v !== false });
const moreThanOne = (param: string): ParamRule => ({ param, unsupported: (v) => typeof v === 'number' && v > 1 });

export const UNSUPPORTED_CHAT_PARAMS: Readonly<Record<string, readonly ParamRule[]>> = {
  // The built-in mock answers one choice and has no log probabilities.
  mock: [moreThanOne('n'), truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
  // Groq's OpenAI-compatible API: `n` must be 1; logprobs and logit_bias are not supported.
  groq: [moreThanOne('n'), truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
  // Gemini / Vertex generateContent: no token log probabilities, no logit bias.
  gemini: [truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
  vertex_ai: [truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
  // Bedrock Converse: one choice, no log probabilities, no logit bias, no JSON mode.
  bedrock: [moreThanOne('n'), truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
  // Anthropic Messages: one choice, no log probabilities, no logit bias.
  anthropic: [moreThanOne('n'), truthy('logprobs'), present('top_logprobs'), present('logit_bias')],
};

export const UNSUPPORTED_EMBEDDING_PARAMS: Readonly<Record<string, readonly ParamRule[]>> = {};

/** Pure: the rules of several providers together (a group's deployments), each parameter once. */
export function rulesFor(table: Readonly<Record<string, readonly ParamRule[]>>, providers: Iterable<string>): ParamRule[] {
  const byParam = new Map<string, ParamRule[]>();
  for (const p of new Set(providers)) for (const r of table[p] ?? []) byParam.set(r.param, [...(byParam.get(r.param) ?? []), r]);
  return [...byParam].map(([param, rules]) => ({ param, unsupported: (v: unknown) => rules.some((r) => r.unsupported(v)) }));
}

export interface DropResult<T> {
  request: T;
  /** Dropped parameter names, in rule order; empty when nothing was dropped (then `request` is the input). */
  dropped: string[];
}

/**
 * Pure: the request without the parameters `rules` say cannot be honoured, when `dropParams`;
 * otherwise a GatehouseError `invalid_request` (400) naming the first one. `who` names the
 * provider(s) in the message.
 */
export function dropUnsupportedParams<T extends object>(request: T, rules: readonly ParamRule[], dropParams: boolean, who: string): DropResult<T> {
  const fields = request as Record<string, unknown>;
  const bad = rules.filter((r) => r.unsupported(fields[r.param])).map((r) => r.param);
  if (bad.length === 0) return { request, dropped: [] };
  if (!dropParams) {
    throw new GatehouseError(
      'invalid_request',
      `${who} does not support the parameter "${bad[0]}". Remove it, or set litellm_settings.drop_params: true to have the gateway drop it.`,
      { param: bad[0] },
    );
  }
  const copy: Record<string, unknown> = { ...fields };
  for (const p of bad) delete copy[p];
  return { request: copy as T, dropped: bad };
}

/** The response header that names what was dropped. */
export const DROPPED_PARAMS_HEADER = 'x-gatehouse-dropped-params';
