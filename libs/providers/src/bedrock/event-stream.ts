import { getChunkedStream } from '@smithy/core/event-streams';
import { EventStreamCodec, type MessageHeaders } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/**
 * The `application/vnd.amazon.eventstream` framing of ConverseStream, decoded as bytes arrive:
 * the chunker cuts the body into whole messages by their prelude length, the codec checks both
 * CRCs and parses the headers. Each message is handed out before the next chunk is read.
 */

export interface StreamMessage {
  /** `:message-type`: `event`, `exception` or `error`. */
  messageType: string;
  /** `:event-type` of an event (`messageStart`, `contentBlockDelta`, …). */
  eventType: string | null;
  /** `:exception-type` of an exception (`throttlingException`, …). */
  exceptionType: string | null;
  /** `:error-code` / `:error-message` of an error message. */
  errorCode: string | null;
  errorMessage: string | null;
  /** The payload as text (JSON for every Bedrock event). */
  payload: string;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function header(headers: MessageHeaders, name: string): string | null {
  const h = headers[name];
  return h && h.type === 'string' ? h.value : null;
}

export function toStreamMessage(headers: MessageHeaders, body: Uint8Array): StreamMessage {
  return {
    messageType: header(headers, ':message-type') ?? 'event',
    eventType: header(headers, ':event-type'),
    exceptionType: header(headers, ':exception-type'),
    errorCode: header(headers, ':error-code'),
    errorMessage: header(headers, ':error-message'),
    payload: toUtf8(body),
  };
}

/**
 * Messages of an event-stream body. A body that ends inside a message throws ("Truncated event
 * message received."); a corrupt message throws a checksum error. Ending early releases the body
 * through `release`, since the chunker does not pass `return()` on to its source.
 */
export async function* eventStreamMessages(body: AsyncIterable<Uint8Array>, release: () => void = () => undefined): AsyncGenerator<StreamMessage, void, undefined> {
  let finished = false;
  try {
    for await (const frame of getChunkedStream(body)) {
      const { headers, body: payload } = codec.decode(frame);
      yield toStreamMessage(headers, payload);
    }
    finished = true;
  } finally {
    if (!finished) release();
  }
}

/** Encodes one JSON event the way Bedrock sends it (for fixtures and the simulator). */
export function encodeEvent(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** Encodes an exception message (`:message-type: exception`). */
export function encodeException(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}
