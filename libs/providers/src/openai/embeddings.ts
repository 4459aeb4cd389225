import { z } from 'zod';
import type { EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import { CallDeadline, postJson, readBody, scrub, upstreamError, type ErrorContext, type PoolRegistry } from '../http';
import { ProviderError, type EmbeddingsCall } from '../types';
import { requestHeaders, resolveEndpoint } from './api';
import { GATEWAY_ONLY_FIELDS, type DeploymentShape } from './chat-completions';

/** `POST {api_base}/embeddings` of OpenAI-compatible servers: pure body/response transforms and the call. */

/** Tolerant where compatible servers differ: `usage` or `object` missing, extra fields kept. */
export const WireEmbeddings = z.looseObject({
  object: z.string().optional(),
  data: z.array(
    z.looseObject({
      index: z.number().int().optional(),
      embedding: z.union([z.array(z.number()), z.string()]),
    }),
  ),
  model: z.string().optional(),
  usage: z.looseObject({ prompt_tokens: z.number().int().nonnegative().optional(), total_tokens: z.number().int().nonnegative().optional() }).nullish(),
});
export type WireEmbeddings = z.infer<typeof WireEmbeddings>;

export function toEmbeddingsBody(request: EmbeddingsRequest, deployment: DeploymentShape): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) if (value !== undefined) body[key] = value;
  for (const key of GATEWAY_ONLY_FIELDS) delete body[key];
  body.model = deployment.providerModel;
  return body;
}

export function fromWireEmbeddings(wire: WireEmbeddings, deployment: DeploymentShape): EmbeddingsResponse {
  const { object: _object, data, model, usage, ...rest } = wire;
  const prompt = usage?.prompt_tokens ?? 0;
  return {
    ...rest,
    object: 'list',
    data: data.map((d, i) => ({ ...d, object: 'embedding' as const, index: d.index ?? i })),
    model: model ?? deployment.providerModel,
    usage: { ...(usage ?? {}), prompt_tokens: prompt, total_tokens: usage?.total_tokens ?? prompt },
  };
}

export function parseEmbeddings(text: string, deployment: DeploymentShape, ctx: ErrorContext): EmbeddingsResponse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('server', `${ctx.label}: response is not JSON`);
  }
  if (json && typeof json === 'object' && 'error' in json && json.error) {
    throw new ProviderError('server', scrub(`${ctx.label} answered with an error: ${upstreamError(text).message}`, ctx.apiKey));
  }
  const parsed = WireEmbeddings.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError('server', `${ctx.label}: unexpected embeddings response (${issue.path.join('.') || 'body'}: ${issue.message})`);
  }
  return fromWireEmbeddings(parsed.data, deployment);
}

/** The adapter's `embeddings()`: one POST, no streaming. */
export async function openAIEmbeddings(pools: PoolRegistry, call: EmbeddingsCall): Promise<EmbeddingsResponse> {
  const ctx: ErrorContext = { label: `${call.deployment.provider}/${call.deployment.providerModel}`, apiKey: call.apiKey };
  const endpoint = resolveEndpoint(call.deployment, '/embeddings');
  const deadline = new CallDeadline({ signal: call.signal, firstByteTimeoutMs: call.timeoutMs, timeoutMs: call.timeoutMs }, ctx.label);
  try {
    const payload = JSON.stringify(toEmbeddingsBody(call.request, call.deployment));
    const body = await postJson(pools, endpoint, requestHeaders(call.apiKey, call.deployment, false), payload, deadline, ctx);
    deadline.firstByte();
    return parseEmbeddings(await readBody(body, deadline, ctx), call.deployment, ctx);
  } finally {
    deadline.dispose();
  }
}
