import type { ChatPlan } from '../chat-plan';

/**
 * A chat plan as Gemini's `GenerateContentResponse`: whole, or as the events of
 * `streamGenerateContent` (each a GenerateContentResponse with the next piece of text and the
 * usage so far; the last one carries the finish reason). `safety` renders the two ways Gemini
 * refuses: a blocked prompt (no candidates, `promptFeedback.blockReason`) and a blocked answer
 * (a candidate that finished with SAFETY and has no content).
 */

export type Safety = 'ok' | 'blocked_prompt' | 'blocked_answer';

export interface GeminiMeta {
  modelVersion: string;
  responseId: string;
  /** Vertex AI adds `createTime`. */
  createTime?: string;
}

type Obj = Record<string, unknown>;

const SAFE_RATINGS = [
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
];
const UNSAFE_RATINGS = SAFE_RATINGS.map((r) => (r.category === 'HARM_CATEGORY_DANGEROUS_CONTENT' ? { ...r, probability: 'HIGH', blocked: true } : r));

function usage(plan: ChatPlan, completion: number): Obj {
  return {
    promptTokenCount: plan.promptTokens,
    ...(completion > 0 ? { candidatesTokenCount: completion } : {}),
    totalTokenCount: plan.promptTokens + completion,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: plan.promptTokens }],
  };
}

function envelope(meta: GeminiMeta, body: Obj): Obj {
  return { ...body, modelVersion: meta.modelVersion, ...(meta.createTime ? { createTime: meta.createTime } : {}), responseId: meta.responseId };
}

/** Candidates carry `index` only when there are several, as the API does. */
function candidates(plan: ChatPlan, make: () => Obj): Obj[] {
  const out: Obj[] = [];
  for (let i = 0; i < plan.choices; i++) out.push(plan.choices > 1 ? { ...make(), index: i } : make());
  return out;
}

function toolPart(plan: ChatPlan): Obj {
  const fn = plan.toolCall!.function;
  return { functionCall: { name: fn.name, args: JSON.parse(fn.arguments) as unknown } };
}

export function renderGenerate(plan: ChatPlan, meta: GeminiMeta, safety: Safety): string {
  if (safety === 'blocked_prompt') return JSON.stringify(blockedPrompt(plan, meta));
  if (safety === 'blocked_answer') {
    return JSON.stringify(envelope(meta, { candidates: candidates(plan, () => ({ finishReason: 'SAFETY', safetyRatings: UNSAFE_RATINGS })), usageMetadata: usage(plan, 0) }));
  }
  const parts = plan.toolCall ? [toolPart(plan)] : [{ text: plan.pieces.join('') }];
  const finishReason = plan.finishReason === 'length' ? 'MAX_TOKENS' : 'STOP';
  const made = candidates(plan, () => ({ content: { parts, role: 'model' }, finishReason, avgLogprobs: -0.0421 }));
  return JSON.stringify(envelope(meta, { candidates: made, usageMetadata: usage(plan, plan.completionTokens) }));
}

/** The JSON payloads of the stream, in order. */
export function renderStreamEvents(plan: ChatPlan, meta: GeminiMeta, safety: Safety): string[] {
  if (safety === 'blocked_prompt') return [JSON.stringify(blockedPrompt(plan, meta))];
  if (safety === 'blocked_answer') return [renderGenerate(plan, meta, safety)];
  const finishReason = plan.finishReason === 'length' ? 'MAX_TOKENS' : 'STOP';
  if (plan.toolCall) {
    const made = candidates(plan, () => ({ content: { parts: [toolPart(plan)], role: 'model' }, finishReason }));
    return [JSON.stringify(envelope(meta, { candidates: made, usageMetadata: usage(plan, plan.completionTokens) }))];
  }
  const pieces = plan.pieces.length > 0 ? plan.pieces : [''];
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const last = i === pieces.length - 1;
    const made = candidates(plan, () => ({ content: { parts: [{ text: pieces[i] }], role: 'model' }, ...(last ? { finishReason } : {}) }));
    const sofar = last ? plan.completionTokens : (i + 1) * plan.choices;
    out.push(JSON.stringify(envelope(meta, { candidates: made, usageMetadata: usage(plan, sofar) })));
  }
  return out;
}

function blockedPrompt(plan: ChatPlan, meta: GeminiMeta): Obj {
  return envelope(meta, { promptFeedback: { blockReason: 'SAFETY', safetyRatings: UNSAFE_RATINGS }, usageMetadata: usage(plan, 0) });
}
