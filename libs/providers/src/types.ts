import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';

/** Everything an adapter needs for one call to one deployment. */
export interface ProviderCall {
  deployment: Deployment;
  /** The resolved provider credential (the router resolves secret references), or null. */
  apiKey: string | null;
  /**
   * The deployment's other `litellm_params` (`deployment.extra`) with every secret reference
   * (`os.environ/…`, `os.file/…`) resolved: AWS keys, Azure AD tokens, Vertex project/location.
   */
  params: Readonly<Record<string, unknown>>;
  /** The client's request in OpenAI form; `model` is still the alias, adapters use `deployment.providerModel`. */
  request: ChatCompletionRequest;
  /** Aborted when the client went away or the router gave up on this attempt. */
  signal: AbortSignal;
  /** Deadline for the provider's first byte (headers for non-streams, first chunk for streams). */
  firstByteTimeoutMs: number;
  /** Deadline for the whole call. */
  timeoutMs: number;
}

/**
 * A provider adapter: transport and translation for one provider protocol. Implementations are
 * one folder each (`openai/`, `mock/`, …) with pure transforms apart from the HTTP transport.
 */
export interface ProviderAdapter {
  /** The `provider/` prefixes of `litellm_params.model` this adapter serves. */
  readonly providers: readonly string[];
  /** A non-streaming chat completion, in OpenAI form, `model` set to the provider's model name. */
  chat(call: ProviderCall): Promise<ChatCompletion>;
  /**
   * A streaming chat completion as OpenAI chunks, yielded as they arrive (never buffered). The
   * adapter always asks the provider for usage; the final chunk carries it when the provider
   * gave it. Errors before or during the stream are thrown as ProviderError.
   */
  chatStream(call: ProviderCall): AsyncIterable<ChatCompletionChunk>;
  /** Embeddings in OpenAI form, for providers that have them (absent: the router answers 400). */
  embeddings?(call: EmbeddingsCall): Promise<EmbeddingsResponse>;
}

/** One embeddings call to one deployment (`request.model` is still the alias). */
export interface EmbeddingsCall {
  deployment: Deployment;
  apiKey: string | null;
  params: Readonly<Record<string, unknown>>;
  request: EmbeddingsRequest;
  signal: AbortSignal;
  timeoutMs: number;
}

/** How a provider failed, for the router's retry/fallback decision and the client's error. */
export const ProviderErrorKind = {
  rate_limited: 'rate_limited', // 429
  server: 'server', // 5xx
  timeout: 'timeout', // no first byte / no completion in time
  connect: 'connect', // refused, reset, DNS
  stream_cut: 'stream_cut', // the stream ended without its terminator, or broke
  bad_request: 'bad_request', // 400/404/422: the request itself is wrong; do not retry
  auth: 'auth', // 401/403: the deployment's credential is wrong
  content_filter: 'content_filter',
  context_window: 'context_window',
} as const;
export type ProviderErrorKind = (typeof ProviderErrorKind)[keyof typeof ProviderErrorKind];

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    /** Scrubbed of secrets; safe to show the client. */
    message: string,
    readonly status: number | null = null,
    /** Seconds, from the provider's `retry-after` when it sent one. */
    readonly retryAfterS: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Another attempt (same or other deployment) may succeed. */
  get retryable(): boolean {
    return ['rate_limited', 'server', 'timeout', 'connect', 'stream_cut'].includes(this.kind);
  }
}
