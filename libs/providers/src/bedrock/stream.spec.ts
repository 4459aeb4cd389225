import type { ChatCompletionChunk } from '@gatehouse/contracts';
import { encodeEvent, encodeException, eventStreamMessages } from './event-stream';
import { converseChunks } from './stream';

/** ConverseStream fixtures: real event-stream frames, fed in awkward slices. */

const env = { id: 'chatcmpl-s', nowS: 1_700_000_000, model: 'm' };
const ctx = { label: 'bedrock/m', secrets: ['SECRETKEY123'] };

const TEXT_STREAM = [
  encodeEvent('messageStart', { role: 'assistant', p: 'abc' }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hel' } }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'lo' } }),
  encodeEvent('contentBlockStop', { contentBlockIndex: 0 }),
  encodeEvent('messageStop', { stopReason: 'end_turn' }),
  encodeEvent('metadata', { usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 }, metrics: { latencyMs: 30 } }),
];

const TOOL_STREAM = [
  encodeEvent('messageStart', { role: 'assistant' }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Let me check.' } }),
  encodeEvent('contentBlockStop', { contentBlockIndex: 0 }),
  encodeEvent('contentBlockStart', { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather' } } }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } }),
  encodeEvent('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '"Oslo"}' } } }),
  encodeEvent('contentBlockStop', { contentBlockIndex: 1 }),
  encodeEvent('messageStop', { stopReason: 'tool_use' }),
  encodeEvent('metadata', { usage: { inputTokens: 9, outputTokens: 7, totalTokens: 16 } }),
];

/** The frames as one byte stream cut into `size`-byte pieces (frames straddle pieces). */
async function* bytes(frames: Uint8Array[], size: number, thenThrow?: Error): AsyncGenerator<Uint8Array> {
  const all = Buffer.concat(frames);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
  if (thenThrow) throw thenThrow;
}

async function run(frames: Uint8Array[], size = 7, thenThrow?: Error) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of converseChunks(eventStreamMessages(bytes(frames, size, thenThrow)), env, ctx)) chunks.push(c);
    return { chunks, error: null as unknown };
  } catch (error) {
    return { chunks, error };
  }
}

describe('converseChunks over decoded event-stream frames', () => {
  it.each([1, 7, 64, 100_000])('text: role, deltas, finish, usage (pieces of %i bytes)', async (size) => {
    const { chunks, error } = await run(TEXT_STREAM, size);
    expect(error).toBeNull();
    expect(chunks.map((c) => c.choices[0] ?? null)).toEqual([
      { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null },
      { index: 0, delta: { content: 'Hel' }, finish_reason: null },
      { index: 0, delta: { content: 'lo' }, finish_reason: null },
      { index: 0, delta: {}, finish_reason: 'stop' },
      null,
    ]);
    expect(chunks.at(-1)).toEqual({ id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'm', choices: [], usage: { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 } });
  });

  it('tools: block index → tool call index, id and name first, then argument pieces', async () => {
    const { chunks, error } = await run(TOOL_STREAM);
    expect(error).toBeNull();
    const deltas = chunks.map((c) => c.choices[0]?.delta);
    expect(deltas[1]).toEqual({ content: 'Let me check.' });
    expect(deltas[2]).toEqual({ tool_calls: [{ index: 0, id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] });
    expect(deltas[3]).toEqual({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] });
    expect(deltas[4]).toEqual({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] });
    expect(chunks[5].choices[0].finish_reason).toBe('tool_calls');
  });

  it.each([
    ['throttlingException', 'rate_limited'],
    ['modelStreamErrorException', 'server'],
    ['internalServerException', 'server'],
    ['serviceUnavailableException', 'server'],
    ['validationException', 'bad_request'],
  ])('an exception event %s → %s, after the chunks before it', async (type, kind) => {
    const { chunks, error } = await run([...TEXT_STREAM.slice(0, 2), encodeException(type, 'went wrong SECRETKEY123')]);
    expect(chunks).toHaveLength(2);
    expect(error).toMatchObject({ name: 'ProviderError', kind });
    expect((error as Error).message).toBe(`bedrock/m sent ${type} in the stream: went wrong ***`);
  });

  it('a body that ends inside a frame throws (the adapter reports stream_cut)', async () => {
    const partial = Buffer.concat(TEXT_STREAM.slice(0, 3)).subarray(0, -5);
    const { chunks, error } = await run([partial]);
    expect(chunks).toHaveLength(2);
    expect((error as Error).message).toMatch(/Truncated event message/);
  });

  it('a clean end without messageStop → stream_cut', async () => {
    const { error } = await run(TEXT_STREAM.slice(0, 3));
    expect(error).toMatchObject({ kind: 'stream_cut' });
  });

  it('a broken tail after metadata loses nothing and is not an error', async () => {
    const { chunks, error } = await run(TEXT_STREAM, 7, new Error('socket closed'));
    expect(error).toBeNull();
    expect(chunks.at(-1)?.usage).toBeTruthy();
  });

  it('a corrupt frame (bad CRC) throws', async () => {
    const bad = Buffer.from(TEXT_STREAM[1]);
    bad[bad.length - 6] ^= 0xff;
    const { error } = await run([TEXT_STREAM[0], bad]);
    expect((error as Error).message).toMatch(/checksum/);
  });

  it('decodes each frame as soon as its last byte arrives', async () => {
    let release: (v: IteratorResult<Uint8Array>) => void = () => undefined;
    const pending: Promise<IteratorResult<Uint8Array>>[] = [];
    const source: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => (pending.shift() ?? new Promise((r) => (release = r))) }),
    };
    pending.push(Promise.resolve({ value: TEXT_STREAM[0], done: false }));
    const messages = eventStreamMessages(source);
    expect((await messages.next()).value).toMatchObject({ messageType: 'event', eventType: 'messageStart' });
    const next = messages.next();
    release({ value: TEXT_STREAM[1], done: false });
    expect((await next).value).toMatchObject({ eventType: 'contentBlockDelta' });
  });
});
