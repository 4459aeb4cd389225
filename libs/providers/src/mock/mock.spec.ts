import { ChatCompletion, ChatCompletionChunk, type ChatCompletionRequest } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import type { ProviderCall } from '../types';
import { createMockAdapter, mockAnswer, mockChunks, mockCompletion } from '.';

const deployment = (extra: Record<string, unknown> = {}) => ({ providerModel: 'demo', extra });
const req = (extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'alias',
  messages: [{ role: 'system', content: 'be kind' }, { role: 'user', content: 'what is up' }],
  ...extra,
});
const env = { id: 'chatcmpl-mock-1', nowS: 1_800_000_000 };

describe('mockAnswer', () => {
  const cases: [string, ChatCompletionRequest, ReturnType<typeof deployment>, { text: string; finish: string; prompt: number; completion: number }][] = [
    ['echoes the last user message', req(), deployment(), { text: 'This is a mock response from demo. You said: what is up', finish: 'stop', prompt: 5, completion: 12 }],
    ['cuts at max_tokens words with length', req({ max_tokens: 3 }), deployment(), { text: 'This is a', finish: 'length', prompt: 5, completion: 3 }],
    ['max_completion_tokens counts too', req({ max_completion_tokens: 2 }), deployment(), { text: 'This is', finish: 'length', prompt: 5, completion: 2 }],
    ['a roomy max_tokens changes nothing', req({ max_tokens: 100 }), deployment(), { text: 'This is a mock response from demo. You said: what is up', finish: 'stop', prompt: 5, completion: 12 }],
    ['mock_response from the deployment', req(), deployment({ mock_response: 'fixed answer' }), { text: 'fixed answer', finish: 'stop', prompt: 5, completion: 2 }],
    ['text parts of content arrays', req({ messages: [{ role: 'user', content: [{ type: 'text', text: 'a b' }, { type: 'image_url', image_url: { url: 'x' } }] }] }), deployment(),
      { text: 'This is a mock response from demo. You said: a b', finish: 'stop', prompt: 2, completion: 11 }],
  ];
  it.each(cases)('%s', (_name, request, dep, expected) => {
    const a = mockAnswer(request, dep);
    expect(a.pieces.join('')).toBe(expected.text);
    expect(a.finishReason).toBe(expected.finish);
    expect(a.usage).toEqual({ prompt_tokens: expected.prompt, completion_tokens: expected.completion, total_tokens: expected.prompt + expected.completion });
  });

  it('truncates a long user message', () => {
    const long = 'word '.repeat(100);
    const text = mockAnswer(req({ messages: [{ role: 'user', content: long }] }), deployment()).pieces.join('');
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(260);
  });
});

describe('mockCompletion / mockChunks', () => {
  it('a valid completion', () => {
    const c = ChatCompletion.parse(mockCompletion(req(), deployment(), env));
    expect(c).toMatchObject({ id: env.id, created: env.nowS, model: 'demo', choices: [{ finish_reason: 'stop' }], usage: { total_tokens: 17 } });
  });

  it('chunks: role, one per word, finish, usage; they join to the completion', () => {
    const chunks = mockChunks(req(), deployment(), env).map((c) => ChatCompletionChunk.parse(c));
    expect(chunks).toHaveLength(1 + 12 + 1 + 1);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(mockCompletion(req(), deployment(), env).choices[0].message.content);
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 12 } });
  });
});

describe('mock adapter', () => {
  const adapter = createMockAdapter(() => 1_800_000_000_000);
  const call = (signal = new AbortController().signal, request = req()): ProviderCall => ({
    deployment: { ...deployment(), provider: 'mock' } as unknown as Deployment,
    apiKey: null,
    params: {},
    request,
    signal,
    firstByteTimeoutMs: 1000,
    timeoutMs: 1000,
  });

  it('answers chat and chatStream with the same text', async () => {
    const plain = await adapter.chat(call());
    let streamed = '';
    for await (const c of adapter.chatStream(call())) streamed += c.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(plain.choices[0].message.content);
    expect(plain.created).toBe(1_800_000_000);
  });

  it('honours the signal: before answering and between chunks', async () => {
    await expect(adapter.chat(call(AbortSignal.abort(new Error('gone'))))).rejects.toThrow('gone');
    const controller = new AbortController();
    const seen: ChatCompletionChunk[] = [];
    await expect(
      (async () => {
        for await (const c of adapter.chatStream(call(controller.signal))) {
          seen.push(c);
          if (seen.length === 3) controller.abort(new Error('stop'));
        }
      })(),
    ).rejects.toThrow('stop');
    expect(seen).toHaveLength(3);
  });
});
