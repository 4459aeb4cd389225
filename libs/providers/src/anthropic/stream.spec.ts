import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatCompletionChunk } from '@gatehouse/contracts';
import { sseEvents } from '../sse';
import { ProviderError } from '../types';
import { anthropicChunks } from './stream';

const env = { nowS: 1_800_000_000 };
const ctx = { label: 'anthropic/claude', apiKey: 'sk-ant-secret-99' };
const fixture = readFileSync(join(__dirname, 'fixtures', 'anthropic-stream-tool.sse'), 'utf8');

async function* bytes(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}

async function collect(body: AsyncIterable<Uint8Array>) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of anthropicChunks(sseEvents(body), 'claude', env, ctx)) chunks.push(ChatCompletionChunk.parse(c));
    return { chunks, error: null as unknown };
  } catch (error) {
    return { chunks, error };
  }
}

const ev = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const START = ev('message_start', { message: { id: 'msg_1', model: 'claude', content: [], usage: { input_tokens: 5, output_tokens: 1 } } });

describe('anthropicChunks', () => {
  it('a recorded tool-use stream: role, text, tool call with its argument pieces, finish, usage', async () => {
    const { chunks, error } = await collect(bytes(fixture));
    expect(error).toBeNull();
    const deltas = chunks.map((c) => c.choices[0]?.delta);
    expect(deltas[0]).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Okay, let me check the weather.');
    const tools = chunks.flatMap((c) => (c.choices[0]?.delta.tool_calls ?? []) as { index: number; id?: string; function: { name?: string; arguments: string } }[]);
    expect(tools[0]).toEqual({ index: 0, id: 'toolu_01T1', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(tools.map((t) => t.function.arguments).join('')).toBe('{"location": "San Francisco, CA"}');
    expect(tools.every((t) => t.index === 0)).toBe(true); // OpenAI tool index, not the content block index
    expect(chunks.at(-2)?.choices[0]).toMatchObject({ finish_reason: 'tool_calls', delta: {} });
    expect(chunks.at(-1)).toMatchObject({ id: 'msg_01Fx', model: 'claude-sonnet-4-5', choices: [], usage: { prompt_tokens: 572, completion_tokens: 89, prompt_tokens_details: { cached_tokens: 100 } } });
  });

  it('yields each event as its bytes arrive, split anywhere', async () => {
    const half = Math.floor(fixture.length / 2);
    const { chunks } = await collect(bytes(fixture.slice(0, 7), fixture.slice(7, half), fixture.slice(half)));
    expect(chunks).toEqual((await collect(bytes(fixture))).chunks);
    expect(chunks).toHaveLength(8); // the empty first argument piece and pings send nothing
  });

  it('thinking deltas become reasoning_content', async () => {
    const { chunks } = await collect(bytes(
      START,
      ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Let me think' } }),
      ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'abc' } }),
      ev('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } }),
      ev('message_stop', {}),
    ));
    expect(chunks[1].choices[0].delta).toEqual({ reasoning_content: 'Let me think' });
    expect(chunks).toHaveLength(4);
  });

  it('an error event mid-stream → server, scrubbed, after the chunks before it', async () => {
    const { chunks, error } = await collect(bytes(START, `event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded ${ctx.apiKey}"}}\n\n`));
    expect(chunks).toHaveLength(1);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'server', message: expect.stringContaining('overloaded_error: Overloaded ***') });
  });

  it('a stream without message_stop → stream_cut', async () => {
    const { chunks, error } = await collect(bytes(START, ev('content_block_start', { index: 0, content_block: { type: 'text', text: 'hi' } })));
    expect(chunks).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'stream_cut', retryable: true });
  });

  it('a broken tail after message_stop loses nothing', async () => {
    async function* tail(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(fixture);
      throw new Error('socket closed after the end');
    }
    const { error } = await collect(tail());
    expect(error).toBeNull();
  });

  it.each([['not JSON', 'event: message_start\ndata: {oops\n\n', /not JSON/], ['a malformed event', ev('content_block_delta', { delta: {} }), /unexpected stream event/]])('%s → server', async (_n, text, message) => {
    const { error } = await collect(bytes(text));
    expect(error).toMatchObject({ kind: 'server', message: expect.stringMatching(message) });
  });
});
