import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatCompletionChunk } from '@gatehouse/contracts';
import { sseEvents } from '../sse';
import { ProviderError } from '../types';
import { openAIChunks } from './stream';

const deployment = { provider: 'openai', providerModel: 'gpt-4o-mini', extra: {} };
const env = { nowS: 1_800_000_000, id: 'chatcmpl-gh-x' };
const ctx = { label: 'openai/gpt-4o-mini', apiKey: 'sk-stream-secret-key-1' };

async function* bytes(text: string, size = 7): AsyncGenerator<Uint8Array> {
  // Odd-sized pieces split events, lines and multi-byte characters across reads.
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(sse: string) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of openAIChunks(sseEvents(bytes(sse)), deployment, env, ctx)) chunks.push(c);
    return { chunks, error: null };
  } catch (error) {
    return { chunks, error: error as ProviderError };
  }
}

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const line = (content: string) => `data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"${content}"},"finish_reason":null}]}\n\n`;

describe('openAIChunks', () => {
  it('openai-stream.sse: every chunk, comments skipped, usage chunk last', async () => {
    const { chunks, error } = await collect(fixture('openai-stream.sse'));
    expect(error).toBeNull();
    expect(chunks).toHaveLength(5);
    chunks.forEach((c) => ChatCompletionChunk.parse(c));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello there');
    expect(chunks[3].choices[0].finish_reason).toBe('stop');
    expect(chunks[4]).toMatchObject({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } });
  });

  it('vllm-stream.sse: odd finish reason normalized, usage total filled, extra delta fields kept', async () => {
    const { chunks, error } = await collect(fixture('vllm-stream.sse'));
    expect(error).toBeNull();
    expect(chunks[1].choices[0].delta).toEqual({ content: 'Hi', reasoning_content: null });
    expect(chunks[2].choices[0].finish_reason).toBe('stop');
    expect(chunks[2].usage).toEqual({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 });
  });

  it('keeps non-ASCII text intact across split reads', async () => {
    const { chunks } = await collect(`${line('héllo — 世界 🎉')}data: [DONE]\n\n`);
    expect(chunks[0].choices[0].delta.content).toBe('héllo — 世界 🎉');
  });

  it.each([
    ['ends without [DONE]', `${line('a')}${line('b')}`, 'stream_cut', /without \[DONE\]/, 2],
    ['ends mid-event', `${line('a')}data: {"id":"c","obj`, 'stream_cut', /without \[DONE\]/, 1],
    ['sends an error event', `${line('a')}event: error\ndata: {"error":{"message":"overloaded","type":"server_error"}}\n\n`, 'server', /in the stream: overloaded/, 1],
    ['sends an error object as data', `${line('a')}data: {"error":{"message":"bad sk-stream-secret-key-1"}}\n\n`, 'server', /in the stream: bad \*\*\*/, 1],
    ['sends a non-JSON chunk', 'data: nope\n\n', 'server', /not JSON/, 0],
    ['sends a chunk without choices shape', 'data: {"choices":"x"}\n\n', 'server', /unexpected stream chunk/, 0],
  ])('throws when the stream %s', async (_name, sse, kind, message, delivered) => {
    const { chunks, error } = await collect(sse);
    expect(chunks).toHaveLength(delivered);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error?.kind).toBe(kind);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(ctx.apiKey);
  });

  it('skips vendor events such as pings', async () => {
    const { chunks, error } = await collect(`event: ping\ndata: {}\n\n${line('a')}data: [DONE]\n\n`);
    expect(error).toBeNull();
    expect(chunks).toHaveLength(1);
  });

  it('ignores anything after [DONE], even a broken tail', async () => {
    async function* tail(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${line('a')}data: [DONE]\n\n${line('late')}`);
      throw new Error('socket closed after the end');
    }
    const out: ChatCompletionChunk[] = [];
    for await (const c of openAIChunks(sseEvents(tail()), deployment, env, ctx)) out.push(c);
    expect(out.map((c) => c.choices[0].delta.content)).toEqual(['a']);
  });
});
