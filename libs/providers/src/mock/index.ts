import { randomUUID } from 'node:crypto';
import type { ChatCompletion, ChatCompletionChunk, EmbeddingsResponse } from '@gatehouse/contracts';
import type { EmbeddingsCall, ProviderAdapter, ProviderCall } from '../types';
import { mockChunks, mockCompletion, type MockEnvelope } from './chat-completions';
import { mockEmbeddings } from './embeddings';

export * from './chat-completions';
export * from './embeddings';

/** Provider `mock`: the deterministic built-in model of the demo config. No network. */
export function createMockAdapter(now: () => number = Date.now): ProviderAdapter {
  const envelope = (): MockEnvelope => ({ id: `chatcmpl-mock-${randomUUID()}`, nowS: Math.floor(now() / 1000) });

  async function chat(call: ProviderCall): Promise<ChatCompletion> {
    call.signal.throwIfAborted();
    return mockCompletion(call.request, call.deployment, envelope());
  }

  async function* chatStream(call: ProviderCall): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    for (const chunk of mockChunks(call.request, call.deployment, envelope())) {
      call.signal.throwIfAborted();
      yield chunk;
    }
  }

  async function embeddings(call: EmbeddingsCall): Promise<EmbeddingsResponse> {
    call.signal.throwIfAborted();
    return mockEmbeddings(call.request, call.deployment);
  }

  return { providers: ['mock'], chat, chatStream, embeddings };
}

export const mockAdapter = createMockAdapter();
