import type { IncomingMessage } from 'node:http';
import type { ApiState } from '../api';
import { answerFault } from '../answer-fault';
import type { Fault, Latency } from '../faults';
import { sleep, type Exchange } from '../respond';
import { asChatBody, inputWords, invalidConverse, MAX_INPUT_WORDS } from './converse';
import { invokeModel } from './invoke';
import { renderConverse, renderStreamFrames, exceptionFrame } from './render';
import { awsRequestId, defaultMessage, errorTypeFor, sendAwsError, sendAwsJson } from './respond';
import { verifySigV4 } from './sigv4';
import { planChat } from '../chat-plan';

export { BEDROCK_SIM_CREDENTIALS } from './sigv4';

/**
 * The simulated Bedrock Runtime on the simulator's server: `POST /model/{modelId}/converse`,
 * `/converse-stream` and `/invoke`. Order as AWS: the SigV4 signature first (403 otherwise), then
 * the fault book, then validation, then the deterministic answer.
 */

export const BEDROCK_PATH_PREFIX = '/model/';

type Operation = 'converse' | 'converse-stream' | 'invoke';
type StreamFault = Extract<Fault, { kind: 'cut' | 'stream_error' }>;

export function isBedrockPath(path: string): boolean {
  return path.startsWith(BEDROCK_PATH_PREFIX);
}

function routeOf(method: string, path: string): { modelId: string; operation: Operation } | null {
  const m = /^\/model\/([^/]+)\/(converse|converse-stream|invoke)$/.exec(path);
  if (method !== 'POST' || !m) return null;
  try {
    return { modelId: decodeURIComponent(m[1]), operation: m[2] as Operation };
  } catch {
    return null;
  }
}

function queryOf(url: string): Record<string, string> {
  const q = url.indexOf('?');
  return q === -1 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1)));
}

export async function handleBedrock(state: ApiState, ex: Exchange, req: IncomingMessage, path: string, raw: Buffer): Promise<void> {
  const method = req.method ?? 'GET';
  const denied = await verifySigV4({ method, path, query: queryOf(req.url ?? ''), headers: req.headers, body: raw }, 'bedrock');
  if (denied) return sendAwsError(ex, denied.status, denied.type, denied.message);
  const route = routeOf(method, path);
  if (!route) return sendAwsError(ex, 404, 'UnknownOperationException', 'Unknown operation');
  const streaming = route.operation === 'converse-stream';
  const fault = state.faults.take(route.modelId, streaming);
  const latency = state.faults.latencyFor(route.modelId);
  if (latency.firstByteMs > 0) await sleep(latency.firstByteMs);
  if (fault && applyFault(state, ex, fault)) return;
  const streamFault = fault?.kind === 'cut' || fault?.kind === 'stream_error' ? fault : null;

  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return sendAwsError(ex, 400, 'ValidationException', 'Malformed input request, please reformat your input and try again.');
  }
  if (route.operation === 'invoke') {
    const result = invokeModel(route.modelId, body);
    if (!result.ok) return sendAwsError(ex, 400, 'ValidationException', result.message);
    return sendAwsJson(ex, 200, result.body, {
      'x-amzn-bedrock-input-token-count': String(result.inputTokens),
      'x-amzn-bedrock-invocation-latency': String(Math.round(performance.now() - ex.started)),
    });
  }
  const invalid = invalidConverse(body);
  if (invalid) return sendAwsError(ex, 400, 'ValidationException', invalid);
  const chat = asChatBody(route.modelId, body as Record<string, unknown>);
  if (inputWords(chat) > MAX_INPUT_WORDS) return sendAwsError(ex, 400, 'ValidationException', 'Input is too long for requested model.');
  const plan = planChat(chat);
  const latencyMs = Math.round(performance.now() - ex.started);
  if (!streaming) return sendAwsJson(ex, 200, renderConverse(plan, latencyMs));
  return streamFrames(ex, renderStreamFrames(plan, latencyMs), latency, streamFault);
}

/** Answers a counted fault; false for stream faults, which the stream writer applies. */
function applyFault(state: ApiState, ex: Exchange, fault: Fault): boolean {
  return answerFault(fault, ex, state.hanging, {
    // Bedrock sends no retry-after: clients back off on their own.
    rate_limit: () => sendAwsError(ex, 429, 'ThrottlingException', defaultMessage('ThrottlingException')),
    status: ({ status, message }) => {
      const type = errorTypeFor(status);
      sendAwsError(ex, status, type, message ?? defaultMessage(type));
    },
  });
}

async function streamFrames(ex: Exchange, frames: Uint8Array[], latency: Latency, fault: StreamFault | null): Promise<void> {
  const { res } = ex;
  if (res.destroyed) return;
  res.writeHead(200, { 'x-amzn-requestid': awsRequestId(), 'content-type': 'application/vnd.amazon.eventstream' });
  if (!fault && latency.perChunkMs === 0) {
    res.end(Buffer.concat(frames));
    return;
  }
  res.flushHeaders();
  for (let i = 0; i < frames.length; i++) {
    if (fault && i === fault.afterChunks) return breakStream(ex, fault);
    if (i > 0 && latency.perChunkMs > 0) await sleep(latency.perChunkMs);
    if (res.destroyed) return;
    res.write(frames[i]);
  }
  if (fault) return breakStream(ex, fault);
  res.end();
}

function breakStream(ex: Exchange, fault: StreamFault): void {
  if (fault.kind === 'cut') {
    // Flushes what was written, then closes the socket: a chunked body without its terminator.
    ex.res.socket?.end();
    return;
  }
  ex.res.end(exceptionFrame('modelStreamErrorException', fault.message));
}
