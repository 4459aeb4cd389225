import type { ChatPlan } from './chat-plan';
import { renderChunks, renderCompletion } from './chat-render';
import type { Fault, Latency } from './faults';
import { errorJson, sendJson, sleep, type Exchange } from './respond';

/** Writes a planned chat answer: one JSON body, or an SSE stream with the stream faults applied. */

type StreamFault = Extract<Fault, { kind: 'cut' | 'stream_error' }>;

export function answerChat(ex: Exchange, plan: ChatPlan, headers: Record<string, string>): void {
  sendJson(ex, 200, renderCompletion(plan, envelope(ex)), headers);
}

export async function streamChat(
  ex: Exchange,
  plan: ChatPlan,
  includeUsage: boolean,
  headers: Record<string, string>,
  latency: Latency,
  fault: StreamFault | null,
): Promise<void> {
  const { res } = ex;
  if (res.destroyed) return;
  headers['content-type'] = 'text/event-stream; charset=utf-8';
  headers['cache-control'] = 'no-cache';
  res.writeHead(200, headers);
  const events = renderChunks(plan, envelope(ex), includeUsage);
  if (!fault && latency.perChunkMs === 0) {
    // The benchmark's hot path: one write for the whole stream.
    let all = '';
    for (const e of events) all += `data: ${e}\n\n`;
    res.end(`${all}data: [DONE]\n\n`);
    return;
  }
  // Headers go out at once, as OpenAI sends them before the first token.
  res.flushHeaders();
  events.push('[DONE]');
  for (let i = 0; i < events.length; i++) {
    if (fault && i === fault.afterChunks) return breakStream(ex, fault);
    if (i > 0 && latency.perChunkMs > 0) await sleep(latency.perChunkMs);
    if (res.destroyed) return;
    res.write(`data: ${events[i]}\n\n`);
  }
  // A fault placed at or after the end still breaks the stream instead of being ignored.
  if (fault) return breakStream(ex, fault);
  res.end();
}

function breakStream(ex: Exchange, fault: StreamFault): void {
  const { res } = ex;
  if (fault.kind === 'cut') {
    // end() on the socket flushes what was written, then closes it mid-response: the client
    // sees a chunked body without its terminator and no `[DONE]`.
    res.socket?.end();
    return;
  }
  const payload = errorJson(fault.message, 'server_error');
  res.end(fault.as === 'event' ? `event: error\ndata: ${payload}\n\n` : `data: ${payload}\n\n`);
}

function envelope(ex: Exchange) {
  return { id: `chatcmpl-${ex.requestId.slice(4)}`, created: Math.floor(Date.now() / 1000) };
}
