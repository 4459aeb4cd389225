import { randomUUID } from 'node:crypto';
import type { ChatCompletion, ChatCompletionChunk, EmbeddingsRequest, EmbeddingsResponse } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import { CallDeadline, errorFromTransport, readBody, scrub, sharedPools, type Endpoint, type ErrorContext, type PoolRegistry } from '../http';
import type { Envelope } from '../openai/chat-completions';
import { sseEvents } from '../sse';
import { ProviderError, type EmbeddingsCall, type ProviderAdapter, type ProviderCall } from '../types';
import type { GoogleMethod } from './api';
import { fromGeminiResponse, toGeminiBody } from './chat-completions';
import { parseGoogleError } from './errors';
import { geminiChunks } from './stream';
import { googlePost } from './transport';
import { WireResponse } from './wire';

/**
 * The adapter shared by Gemini (AI Studio) and Vertex AI: same request and response shapes, same
 * stream, different URLs and credentials, which each flavor supplies.
 */

export interface GoogleTarget {
  endpoint: Endpoint;
  headers: Record<string, string>;
  /** The credential in the headers, scrubbed from every error message. */
  secret: string | null;
}

type CallShape = Pick<ProviderCall, 'deployment' | 'apiKey' | 'params'>;

export interface GoogleFlavor {
  providers: readonly string[];
  target(call: CallShape, method: GoogleMethod, stream: boolean): GoogleTarget;
  /** The embeddings request of this flavor, and how to read its answer. */
  embeddings: {
    method: GoogleMethod;
    body(request: EmbeddingsRequest, deployment: Deployment, params: CallShape['params']): Record<string, unknown>;
    response(json: unknown, request: EmbeddingsRequest, deployment: Deployment, ctx: ErrorContext): EmbeddingsResponse;
  };
}

export interface GoogleAdapterOptions {
  pools?: PoolRegistry;
  now?: () => number;
}

export function createGoogleAdapter(flavor: GoogleFlavor, options: GoogleAdapterOptions = {}): ProviderAdapter {
  const pools = options.pools ?? sharedPools;
  const now = options.now ?? Date.now;
  const envelope = (): Envelope => ({ nowS: Math.floor(now() / 1000), id: `chatcmpl-gh-${randomUUID()}` });
  const context = (call: CallShape, target: GoogleTarget): ErrorContext => ({
    label: `${call.deployment.provider}/${call.deployment.providerModel}`,
    apiKey: target.secret,
  });

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    const target = flavor.target(call, 'generateContent', false);
    const ctx = context(call, target);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toGeminiBody(call.request, call.deployment));
      const body = await googlePost(pools, target.endpoint, target.headers, payload, deadline, ctx);
      deadline.firstByte();
      const json = parseJson(await readBody(body, deadline, ctx), ctx);
      const parsed = WireResponse.safeParse(json);
      if (!parsed.success) throw unexpected(parsed.error.issues[0], ctx);
      return fromGeminiResponse(parsed.data, call.deployment, envelope());
    } finally {
      deadline.dispose();
    }
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const target = flavor.target(call, 'streamGenerateContent', true);
    const ctx = context(call, target);
    const deadline = new CallDeadline(call, ctx.label);
    try {
      const payload = JSON.stringify(toGeminiBody(call.request, call.deployment));
      const body = await googlePost(pools, target.endpoint, target.headers, payload, deadline, ctx);
      try {
        for await (const chunk of geminiChunks(sseEvents(body), call.deployment, envelope(), ctx)) {
          deadline.firstByte();
          yield chunk;
        }
      } catch (err) {
        throw deadline.failure() ?? errorFromTransport(err, 'body', ctx);
      }
    } finally {
      deadline.dispose();
    }
  }

  async function embeddings(call: EmbeddingsCall): Promise<EmbeddingsResponse> {
    const target = flavor.target(call, flavor.embeddings.method, false);
    const ctx = context(call, target);
    const deadline = new CallDeadline({ signal: call.signal, firstByteTimeoutMs: call.timeoutMs, timeoutMs: call.timeoutMs }, ctx.label);
    try {
      const payload = JSON.stringify(flavor.embeddings.body(call.request, call.deployment, call.params));
      const body = await googlePost(pools, target.endpoint, target.headers, payload, deadline, ctx);
      deadline.firstByte();
      const json = parseJson(await readBody(body, deadline, ctx), ctx);
      return flavor.embeddings.response(json, call.request, call.deployment, ctx);
    } finally {
      deadline.dispose();
    }
  }

  return { providers: flavor.providers, chat, chatStream, embeddings };
}

/** A 2xx body as JSON; an error object in it (some proxies answer 200 with one) is still an error. */
function parseJson(text: string, ctx: ErrorContext): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('server', `${ctx.label}: response is not JSON`);
  }
  if (json && typeof json === 'object' && 'error' in json && json.error) {
    throw new ProviderError('server', scrub(`${ctx.label} answered with an error: ${parseGoogleError(text).message}`, ctx.apiKey));
  }
  return json;
}

export function unexpected(issue: { path: PropertyKey[]; message: string } | undefined, ctx: ErrorContext): ProviderError {
  const where = issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'body';
  return new ProviderError('server', `${ctx.label}: unexpected response (${where})`);
}
