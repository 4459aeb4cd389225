import { createParser, type EventSourceMessage } from 'eventsource-parser';

export type SseEvent = EventSourceMessage;

/**
 * Server-sent events of a response body, each yielded as soon as the bytes that complete it have
 * arrived: a chunk is parsed and its events handed out before the next chunk is read. Comments
 * (`: ping`) are skipped. Ending early (`break`, `return`) releases the body.
 */
export async function* sseEvents(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent, void, undefined> {
  const ready: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => ready.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    for (let i = 0; i < ready.length; i++) yield ready[i];
    ready.length = 0;
  }
  // An event without its closing blank line is incomplete per the SSE spec and is dropped.
  parser.feed(decoder.decode());
  for (const event of ready) yield event;
}
