import type { IncomingMessage } from 'node:http';
import type { ApiState } from '../api';
import { answerFault } from '../answer-fault';
import type { Fault, Latency } from '../faults';
import { sendJson, sleep, type Exchange } from '../respond';
import { inputTokens, planMessages, type MessagesBody, type MessagesPlan } from './plan';
import { renderEvents, renderMessage, sseText } from './render';
import { anthropicError, anthropicHeaders, errorType, rateHeaders } from './respond';
import { invalidMessages } from './validate';

/**
 * The simulated Anthropic Messages API: `POST /v1/messages` (plain and SSE) and
 * `POST /v1/messages/count_tokens`, on the same server and fault book as the OpenAI routes.
 * Authentication is `x-api-key` or a bearer key (when the simulator has a key) and `anthropic-version` is
 * required, as on api.anthropic.com; errors are Anthropic's `{type:"error", error:{type,message}}`.
 */

type StreamFault = Extract<Fault, { kind: 'cut' | 'stream_error' }>;
type Body = Record<string, unknown>;

export const ANTHROPIC_PATHS = new Set(['/v1/messages', '/v1/messages/count_tokens']);

export async function handleAnthropic(state: ApiState, ex: Exchange, req: IncomingMessage, path: string, body: unknown, badJson: boolean): Promise<void> {
  const fail = (status: number, message: string, type = errorType(status)) => {
    sendJson(ex, status, anthropicError(ex, type, message), anthropicHeaders(ex, state.rate, 0));
  };
  if (req.method !== 'POST') return fail(404, 'Not found');
  const { apiKey } = state.settings;
  // `x-api-key`, or the same key as a bearer token (what the current Anthropic SDK sends).
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = req.headers['x-api-key'] ?? bearer;
  if (apiKey !== null && given !== apiKey) return fail(401, given ? 'invalid x-api-key' : 'x-api-key header is required');
  if (!req.headers['anthropic-version']) return fail(400, 'anthropic-version: header is required');
  if (badJson || !body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'There was an issue with your request body: it is not a JSON object.');
  const b = body as Body;
  const model = typeof b.model === 'string' ? b.model : undefined;
  const countOnly = path === '/v1/messages/count_tokens';
  const streaming = !countOnly && b.stream === true;
  const fault = state.faults.take(model, streaming);
  const latency = state.faults.latencyFor(model);
  if (latency.firstByteMs > 0) await sleep(latency.firstByteMs);
  if (fault && applyFault(state, ex, fault)) return;
  const invalid = invalidMessages(b, countOnly);
  if (invalid) return fail(400, invalid);
  if (state.settings.models && !state.settings.models.includes(model!)) return fail(404, `model: ${model}`);
  if (countOnly) {
    const json = JSON.stringify({ input_tokens: inputTokens(b as unknown as MessagesBody) });
    return sendJson(ex, 200, json, anthropicHeaders(ex, state.rate, 0));
  }
  const plan = planMessages(b as unknown as MessagesBody);
  const headers = anthropicHeaders(ex, state.rate, plan.inputTokens + plan.outputTokens);
  const id = `msg_sim${ex.requestId.slice(4)}`;
  if (!streaming) return sendJson(ex, 200, renderMessage(plan, id), headers);
  const streamFault = fault?.kind === 'cut' || fault?.kind === 'stream_error' ? fault : null;
  return streamMessages(ex, plan, id, headers, latency, streamFault);
}

async function streamMessages(ex: Exchange, plan: MessagesPlan, id: string, headers: Record<string, string>, latency: Latency, fault: StreamFault | null): Promise<void> {
  const { res } = ex;
  if (res.destroyed) return;
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const events = renderEvents(plan, id);
  if (!fault && latency.perChunkMs === 0) {
    res.end(events.map(sseText).join(''));
    return;
  }
  res.flushHeaders();
  for (let i = 0; i < events.length; i++) {
    if (fault && i === fault.afterChunks) return breakStream(ex, fault);
    if (i > 0 && latency.perChunkMs > 0) await sleep(latency.perChunkMs);
    if (res.destroyed) return;
    res.write(sseText(events[i]));
  }
  if (fault) return breakStream(ex, fault);
  res.end();
}

/** A cut closes the socket mid-body; a stream error is Anthropic's in-stream `error` event. */
function breakStream(ex: Exchange, fault: StreamFault): void {
  if (fault.kind === 'cut') {
    ex.res.socket?.end();
    return;
  }
  const type = /overload/i.test(fault.message) ? 'overloaded_error' : 'api_error';
  ex.res.end(sseText({ event: 'error', data: anthropicError(ex, type, fault.message) }));
}

function applyFault(state: ApiState, ex: Exchange, fault: Fault): boolean {
  return answerFault(fault, ex, state.hanging, {
    rate_limit: ({ retryAfterS }) => {
      const headers: Record<string, string> = { 'request-id': ex.requestId, ...rateHeaders(state.rate.exhausted(retryAfterS), retryAfterS) };
      headers['anthropic-ratelimit-requests-remaining'] = '0';
      headers['retry-after'] = String(retryAfterS);
      const message = `This request would exceed the rate limit for your organization (org-simulator) of ${state.rate.limitRequests} requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.`;
      sendJson(ex, 429, anthropicError(ex, 'rate_limit_error', message), headers);
    },
    status: ({ status, message }) =>
      sendJson(ex, status, anthropicError(ex, errorType(status), message ?? defaultMessage(status)), anthropicHeaders(ex, state.rate, 0)),
  });
}

function defaultMessage(status: number): string {
  if (status === 529) return 'Overloaded';
  if (status >= 500) return 'Internal server error';
  return `Simulated error ${status}.`;
}
