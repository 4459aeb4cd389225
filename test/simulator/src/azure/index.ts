import type { IncomingMessage } from 'node:http';
import type { ApiState } from '../api';
import { answerFault } from '../answer-fault';
import { planChat, type ChatRequestBody } from '../chat-plan';
import { embeddingInputs, renderEmbeddings, type EmbeddingsBody } from '../embeddings';
import type { Fault } from '../faults';
import { writeStream, type StreamShape } from '../gemini/sse';
import { errorJson, sendJson, sleep, type Exchange } from '../respond';
import { azureChunks, azureCompletion, azureError, promptFilteredError, rateLimited } from './render';

/**
 * The simulated Azure OpenAI data plane: `POST /openai/deployments/{deployment}/chat/completions`
 * and `/embeddings`, `?api-version=` required, credential in `api-key` or an Entra ID bearer. The
 * deployment name plays the model (faults and latency target it). A user text containing
 * `[[unsafe]]` is refused with Azure's content-filter 400; `[[unsafe-output]]` ends the answer
 * with `finish_reason: content_filter`.
 */

type Obj = Record<string, unknown>;

const ROUTE = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

const SSE: StreamShape = {
  contentType: 'text/event-stream; charset=utf-8',
  frame: (payload) => `data: ${payload}\n\n`,
  terminator: 'data: [DONE]\n\n',
  errorFrame: (fault) => {
    const payload = errorJson(fault.message, 'server_error');
    return fault.as === 'event' ? `event: error\ndata: ${payload}\n\n` : `data: ${payload}\n\n`;
  },
};

export function isAzurePath(path: string): boolean {
  return path.startsWith('/openai/deployments/');
}

export async function handleAzure(state: ApiState, ex: Exchange, req: IncomingMessage, path: string, body: unknown, badJson: boolean): Promise<void> {
  const route = ROUTE.exec(path);
  const version = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('api-version');
  if (!route || req.method !== 'POST' || version === null) return fail(state, ex, 404, azureError('404', 'Resource not found'));
  if (!API_VERSION.test(version)) return fail(state, ex, 400, azureError('BadRequest', 'API version not supported'));
  const { apiKey } = state.settings;
  if (apiKey !== null && req.headers['api-key'] !== apiKey && req.headers.authorization !== `Bearer ${apiKey}`) {
    const message = req.headers.authorization
      ? 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.'
      : 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
    return fail(state, ex, 401, azureError('401', message));
  }
  const deployment = decodeURIComponent(route[1]);
  if (state.settings.models && !state.settings.models.includes(deployment)) {
    const message = 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.';
    return fail(state, ex, 404, azureError('DeploymentNotFound', message));
  }
  if (badJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(state, ex, 400, errorJson('We could not parse the JSON body of your request.', 'invalid_request_error'));
  }
  const b = body as Obj;
  const chat = route[2] === 'chat/completions';
  const streaming = chat && b.stream === true;
  const fault = state.faults.take(deployment, streaming);
  const latency = state.faults.latencyFor(deployment);
  if (latency.firstByteMs > 0) await sleep(latency.firstByteMs);
  if (fault && applyFault(state, ex, fault, version)) return;

  if (!chat) {
    const input = embeddingInputs(b.input);
    if (!input) return fail(state, ex, 400, errorJson("'input' is a required property", 'invalid_request_error', 'input'));
    const json = renderEmbeddings({ ...(b as unknown as EmbeddingsBody), model: deployment }, input.texts, input.tokens, state.settings.embeddingDimensions);
    return sendJson(ex, 200, json, headers(state, input.tokens));
  }
  if (!Array.isArray(b.messages) || b.messages.length === 0) {
    return fail(state, ex, 400, errorJson("'messages' is a required property", 'invalid_request_error', 'messages'));
  }
  const plan = planChat({ ...(b as unknown as ChatRequestBody), model: deployment });
  const userText = (b.messages as Obj[]).filter((m) => m.role === 'user').map((m) => JSON.stringify(m.content ?? '')).join('\n');
  if (userText.includes('[[unsafe]]')) return fail(state, ex, 400, promptFilteredError());
  const filtered = userText.includes('[[unsafe-output]]');
  const env = { id: `chatcmpl-${ex.requestId.slice(4)}`, created: Math.floor(Date.now() / 1000) };
  const h = headers(state, plan.promptTokens + plan.completionTokens);
  if (!streaming) return sendJson(ex, 200, azureCompletion(plan, env, filtered), h);
  const includeUsage = (b.stream_options as { include_usage?: unknown } | null | undefined)?.include_usage === true;
  const streamFault = fault?.kind === 'cut' || fault?.kind === 'stream_error' ? fault : null;
  return writeStream(ex, h, azureChunks(plan, env, includeUsage, filtered), SSE, latency, streamFault);
}

/** Azure's response headers: its request ids, region and the remaining-quota pair. */
function headers(state: ApiState, tokens: number): Record<string, string> {
  const rate = state.rate.use(tokens);
  return {
    'apim-request-id': apimRequestId(),
    'x-ms-region': 'Sweden Central',
    'x-ratelimit-remaining-requests': rate['x-ratelimit-remaining-requests'],
    'x-ratelimit-remaining-tokens': rate['x-ratelimit-remaining-tokens'],
  };
}

let seq = 0;
function apimRequestId(): string {
  return `00000000-0000-4000-8000-${(++seq).toString(16).padStart(12, '0')}`;
}

function applyFault(state: ApiState, ex: Exchange, fault: Fault, version: string): boolean {
  return answerFault(fault, ex, state.hanging, {
    rate_limit: ({ retryAfterS }) => {
      const h = headers(state, 0);
      h['retry-after'] = String(retryAfterS);
      h['retry-after-ms'] = String(retryAfterS * 1000);
      sendJson(ex, 429, rateLimited(version, retryAfterS), h);
    },
    status: ({ status, message }) => {
      const code = status === 500 ? 'InternalServerError' : status === 503 ? 'ServiceUnavailable' : String(status);
      fail(state, ex, status, azureError(code, message ?? 'The service is temporarily unable to process your request. Please try again later.'));
    },
  });
}

function fail(state: ApiState, ex: Exchange, status: number, body: string): void {
  sendJson(ex, status, body, headers(state, 0));
}
