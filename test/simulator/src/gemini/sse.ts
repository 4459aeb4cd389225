import type { Fault, Latency } from '../faults';
import { sleep, type Exchange } from '../respond';

/**
 * Writes a stream of already-rendered events with the stream faults applied: `cut` ends the
 * socket after `afterChunks` events, `stream_error` sends the provider's in-stream error event
 * instead of event `afterChunks` and ends the response. Shared by the Gemini and Azure routes.
 */

export type StreamFault = Extract<Fault, { kind: 'cut' | 'stream_error' }>;

export interface StreamShape {
  contentType: string;
  /** One event as written on the wire, e.g. `data: {…}\r\n\r\n`. */
  frame(payload: string): string;
  /** Written after the last event (OpenAI's `data: [DONE]`; nothing for Gemini). */
  terminator: string;
  /** The wire form of a `stream_error` fault. */
  errorFrame(fault: Extract<StreamFault, { kind: 'stream_error' }>): string;
}

export async function writeStream(
  ex: Exchange,
  headers: Record<string, string>,
  payloads: readonly string[],
  shape: StreamShape,
  latency: Latency,
  fault: StreamFault | null,
): Promise<void> {
  const { res } = ex;
  if (res.destroyed) return;
  headers['content-type'] = shape.contentType;
  headers['cache-control'] = 'no-cache';
  res.writeHead(200, headers);
  if (!fault && latency.perChunkMs === 0) {
    let all = '';
    for (const p of payloads) all += shape.frame(p);
    res.end(all + shape.terminator);
    return;
  }
  res.flushHeaders();
  for (let i = 0; i < payloads.length; i++) {
    if (fault && i === fault.afterChunks) return breakStream(ex, fault, shape);
    if (i > 0 && latency.perChunkMs > 0) await sleep(latency.perChunkMs);
    if (res.destroyed) return;
    res.write(shape.frame(payloads[i]));
  }
  if (fault) return breakStream(ex, fault, shape);
  res.end(shape.terminator);
}

function breakStream(ex: Exchange, fault: StreamFault, shape: StreamShape): void {
  if (fault.kind === 'cut') {
    ex.res.socket?.end();
    return;
  }
  ex.res.end(shape.errorFrame(fault));
}
