import type { ChatCompletion, ChatCompletionRequest, EndFrame, GatehouseError } from '@gatehouse/contracts';

/**
 * One API dialect a client may speak to ingress (OpenAI chat completions, Anthropic messages, …).
 * Inside, every request is an OpenAI chat request and every answer OpenAI chunks/completions:
 * a protocol only translates at the edge, so the hot path is the same whatever the client speaks.
 */
export interface ClientProtocol {
  /** The path recorded in the request's event, e.g. `/v1/chat/completions`. */
  readonly endpoint: string;
  /** Client body → OpenAI chat request; throws a GatehouseError (400) naming the bad field. */
  parse(body: unknown): ChatCompletionRequest;
  /** The whole answer of a non-streaming request, as this protocol's response body. */
  renderCompletion(completion: ChatCompletion, request: ChatCompletionRequest): unknown;
  /** This protocol's error body (the status is the error's). */
  renderError(err: GatehouseError): unknown;
  /** A fresh encoder for one streamed answer. */
  streamEncoder(request: ChatCompletionRequest): StreamEncoder;
}

/**
 * Turns OpenAI chunks (raw JSON bytes from the router) into this protocol's stream bytes.
 * Returns null when a chunk produces nothing to send (it may still change the encoder's state).
 */
export interface StreamEncoder {
  readonly contentType: string;
  chunk(json: Uint8Array): Buffer | null;
  /** The normal end of the stream (usage and finish reason are in the frame). */
  end(frame: EndFrame): Buffer;
  /** An error after the stream started. */
  error(err: GatehouseError): Buffer;
}
