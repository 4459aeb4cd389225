import { randomUUID } from 'node:crypto';
import type { ChatCompletion, ChatCompletionChunk } from '@gatehouse/contracts';
import type { ProviderAdapter, ProviderCall } from '../types';
import { mockChunks, mockCompletion, type MockEnvelope } from './chat-completions';

export * from './chat-completions';

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

  return { providers: ['mock'], chat, chatStream };
}

export const mockAdapter = createMockAdapter();
