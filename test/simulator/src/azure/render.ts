import type { ChatPlan } from '../chat-plan';
import { renderChunks, renderCompletion, type Envelope } from '../chat-render';

/**
 * Azure OpenAI's additions to the OpenAI shapes: content-filter annotations on prompts and
 * choices, the stream's filter-only first chunk, a filtered answer (`finish_reason:
 * content_filter`, no content) and the 400 a filtered prompt gets. Azure's error bodies are
 * `{error: {code, message}}` with the code a string.
 */

const SAFE = { filtered: false, severity: 'safe' };
const FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
const VIOLENT = { ...FILTERS, violence: { filtered: true, severity: 'high' } };
const PROMPT_FILTER_RESULTS = [{ prompt_index: 0, content_filter_results: FILTERS }];

export function azureError(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

export function promptFilteredError(): string {
  return JSON.stringify({
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: VIOLENT },
    },
  });
}

export function rateLimited(apiVersion: string, retryAfterS: number): string {
  return azureError(
    '429',
    `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${retryAfterS} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
  );
}

export function azureCompletion(plan: ChatPlan, env: Envelope, filteredAnswer: boolean): string {
  const body = JSON.parse(renderCompletion(plan, env)) as { choices: Record<string, unknown>[]; prompt_filter_results?: unknown };
  body.prompt_filter_results = PROMPT_FILTER_RESULTS;
  for (const choice of body.choices) {
    if (filteredAnswer) {
      choice.message = { role: 'assistant', refusal: null };
      choice.finish_reason = 'content_filter';
      choice.content_filter_results = VIOLENT;
    } else choice.content_filter_results = FILTERS;
  }
  return JSON.stringify(body);
}

/** The `data:` payloads: the filter-only chunk first, then OpenAI's chunks (or a filtered end). */
export function azureChunks(plan: ChatPlan, env: Envelope, includeUsage: boolean, filteredAnswer: boolean): string[] {
  const head = JSON.stringify({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: PROMPT_FILTER_RESULTS });
  if (!filteredAnswer) return [head, ...renderChunks(plan, env, includeUsage)];
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    JSON.stringify({ id: env.id, object: 'chat.completion.chunk', created: env.created, model: plan.model, choices: [{ index: 0, delta, finish_reason: finish, ...extra }] });
  const out = [head, chunk({ role: 'assistant', content: '' }, null), chunk({}, 'content_filter', { content_filter_results: VIOLENT })];
  if (includeUsage) {
    const usage = { prompt_tokens: plan.promptTokens, completion_tokens: 0, total_tokens: plan.promptTokens };
    out.push(JSON.stringify({ id: env.id, object: 'chat.completion.chunk', created: env.created, model: plan.model, choices: [], usage }));
  }
  return out;
}
