import type { IncomingMessage } from 'node:http';
import type { ApiState } from '../api';
import { answerFault } from '../answer-fault';
import { planChat } from '../chat-plan';
import type { Fault } from '../faults';
import { sendJson, sleep, type Exchange } from '../respond';
import { batchEmbed, predictEmbed } from './embeddings';
import { API_KEY_INVALID, defaultGoogleMessage, googleError, quotaExceeded, UNAUTHENTICATED, UNREGISTERED_CALLER } from './errors';
import { renderGenerate, renderStreamEvents, type Safety } from './render';
import { invalidGenerate, toChatBody, userText } from './request';
import { writeStream, type StreamShape } from './sse';

/**
 * The simulated Gemini API in both URL shapes: Google AI Studio
 * (`/v1beta/models/{model}:{method}`, key in `x-goog-api-key` or `?key=`) and Vertex AI
 * (`/v1/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}`, OAuth bearer).
 * Methods: generateContent, streamGenerateContent (`alt=sse`: `data: {…}\r\n\r\n` events; else
 * one JSON array), batchEmbedContents (AI Studio) and predict (Vertex embeddings). A user text
 * containing `[[unsafe]]` blocks the prompt; `[[unsafe-output]]` blocks the answer.
 */

type Obj = Record<string, unknown>;

const AI_STUDIO = /^\/(v1beta|v1)\/models\/([^/:]+):([A-Za-z]+)$/;
const VERTEX = /^\/(v1|v1beta1)\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):([A-Za-z]+)$/;

export function isGooglePath(path: string): boolean {
  return path.startsWith('/v1beta/') || path.startsWith('/v1/projects/') || path.startsWith('/v1beta1/projects/');
}

const SSE: StreamShape = {
  contentType: 'text/event-stream',
  frame: (payload) => `data: ${payload}\r\n\r\n`,
  terminator: '',
  errorFrame: (fault) => `data: ${googleError(500, fault.message)}\r\n\r\n`,
};

export async function handleGemini(state: ApiState, ex: Exchange, req: IncomingMessage, path: string, body: unknown, badJson: boolean): Promise<void> {
  const studio = AI_STUDIO.exec(path);
  const vertexMatch = studio ? null : VERTEX.exec(path);
  if ((!studio && !vertexMatch) || req.method !== 'POST') return fail(ex, 404, googleError(404, `Method not found: ${req.method ?? 'GET'} ${path}`));
  const vertex = vertexMatch !== null;
  const model = studio ? studio[2] : vertexMatch![4];
  const method = studio ? studio[3] : vertexMatch![5];
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');

  const denied = authFailure(state, req, query, vertex);
  if (denied) return fail(ex, denied.status, denied.body);
  if (badJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(ex, 400, googleError(400, 'Invalid JSON payload received. Unexpected token.'));
  }
  if (state.settings.models && !state.settings.models.includes(model)) {
    const message = vertex
      ? `Publisher Model \`projects/${vertexMatch![2]}/locations/${vertexMatch![3]}/publishers/google/models/${model}\` was not found or your project does not have access to it.`
      : `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`;
    return fail(ex, 404, googleError(404, message));
  }
  const streaming = method === 'streamGenerateContent';
  const fault = state.faults.take(model, streaming);
  const latency = state.faults.latencyFor(model);
  if (latency.firstByteMs > 0) await sleep(latency.firstByteMs);
  if (fault && applyFault(state, ex, fault, vertex)) return;
  const b = body as Obj;

  if (method === 'batchEmbedContents' && !vertex) return answerEmbed(ex, batchEmbed(b));
  if (method === 'predict' && vertex) return answerEmbed(ex, predictEmbed(b));
  if (method !== 'generateContent' && !streaming) return fail(ex, 404, googleError(404, `Method not found: ${method}`));

  const invalid = invalidGenerate(b);
  if (invalid) return fail(ex, 400, googleError(400, invalid));
  const chat = toChatBody(b, model);
  const plan = planChat(chat);
  const text = userText(chat);
  const safety: Safety = text.includes('[[unsafe]]') ? 'blocked_prompt' : text.includes('[[unsafe-output]]') ? 'blocked_answer' : 'ok';
  const id = ex.requestId.slice(4, 26);
  const meta = { modelVersion: model, responseId: id, ...(vertex ? { createTime: new Date().toISOString() } : {}) };
  if (!streaming) return sendJson(ex, 200, renderGenerate(plan, meta, safety), {});
  const events = renderStreamEvents(plan, meta, safety);
  if (query.get('alt') !== 'sse') {
    // Without `alt=sse` the stream is one JSON array, written element by element.
    return sendJson(ex, 200, `[${events.join(',\r\n')}]`, {});
  }
  const streamFault = fault?.kind === 'cut' || fault?.kind === 'stream_error' ? fault : null;
  return writeStream(ex, {}, events, SSE, latency, streamFault);
}

function authFailure(state: ApiState, req: IncomingMessage, query: URLSearchParams, vertex: boolean): { status: number; body: string } | null {
  const { apiKey } = state.settings;
  if (apiKey === null) return null;
  if (vertex) return req.headers.authorization === `Bearer ${apiKey}` ? null : { status: 401, body: UNAUTHENTICATED() };
  const given = req.headers['x-goog-api-key'] ?? query.get('key');
  if (given === undefined || given === null) return { status: 403, body: UNREGISTERED_CALLER() };
  return given === apiKey ? null : { status: 400, body: API_KEY_INVALID() };
}

function answerEmbed(ex: Exchange, out: { json: string } | { error: string }): void {
  if ('error' in out) return fail(ex, 400, googleError(400, out.error));
  sendJson(ex, 200, out.json, {});
}

/** Answers a counted fault; false when it is a stream fault for the stream writer. */
function applyFault(state: ApiState, ex: Exchange, fault: Fault, vertex: boolean): boolean {
  return answerFault(fault, ex, state.hanging, {
    rate_limit: ({ retryAfterS }) => fail(ex, 429, quotaExceeded(vertex, retryAfterS)),
    status: ({ status, message }) => fail(ex, status, googleError(status, message ?? defaultGoogleMessage(status))),
  });
}

function fail(ex: Exchange, status: number, body: string): void {
  sendJson(ex, status, body, {});
}
