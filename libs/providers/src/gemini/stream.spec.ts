import { ChatCompletionChunk } from '@gatehouse/contracts';
import { sseEvents } from '../sse';
import { ProviderError } from '../types';
import { geminiChunks } from './stream';

const deployment = { provider: 'gemini', providerModel: 'gemini-2.0-flash', extra: {} };
const env = { nowS: 1_800_000_000, id: 'chatcmpl-gh-stream-0001' };
const ctx = { label: 'gemini/gemini-2.0-flash', apiKey: 'AIzaSy-stream-secret-key-1' };

async function* bytes(text: string, size = 5): AsyncGenerator<Uint8Array> {
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(sse: string) {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const c of geminiChunks(sseEvents(bytes(sse)), deployment, env, ctx)) chunks.push(c);
    return { chunks, error: null };
  } catch (error) {
    return { chunks, error: error as ProviderError };
  }
}

/** Gemini's framing: `data: {…}` and a CRLF blank line. */
const ev = (json: object) => `data: ${JSON.stringify(json)}\r\n\r\n`;
const textEv = (text: string, finishReason?: string, usage = { promptTokenCount: 3, totalTokenCount: 3 }) =>
  ev({ candidates: [{ content: { role: 'model', parts: [{ text }] }, ...(finishReason ? { finishReason } : {}) }], usageMetadata: usage, modelVersion: 'gemini-2.0-flash-001' });

describe('geminiChunks', () => {
  it('text events → role+content, content, finish; usage chunk last', async () => {
    const { chunks, error } = await collect(textEv('Hel') + textEv('lo — 世界') + textEv('!', 'STOP', { promptTokenCount: 3, candidatesTokenCount: 4, totalTokenCount: 7 } as never));
    expect(error).toBeNull();
    chunks.forEach((c) => ChatCompletionChunk.parse(c));
    expect(chunks.map((c) => c.choices[0]?.delta)).toEqual([{ role: 'assistant', content: 'Hel' }, { content: 'lo — 世界' }, { content: '!' }, undefined]);
    expect(chunks.map((c) => c.choices[0]?.finish_reason)).toEqual([null, null, 'stop', undefined]);
    expect(chunks[3]).toEqual({ id: env.id, object: 'chat.completion.chunk', created: env.nowS, model: 'gemini-2.0-flash-001', choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
  });

  it('function calls → complete tool_call deltas numbered across events; finish tool_calls', async () => {
    const call = (name: string) => ({ functionCall: { name, args: { q: name } } });
    const sse = ev({ candidates: [{ content: { parts: [call('a')] } }] }) + ev({ candidates: [{ content: { parts: [call('b')] }, finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 1 } });
    const { chunks, error } = await collect(sse);
    expect(error).toBeNull();
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', tool_calls: [{ index: 0, id: 'call_ghstream0001_0_0', type: 'function', function: { name: 'a', arguments: '{"q":"a"}' } }] });
    expect(chunks[1].choices[0]).toEqual({ index: 0, delta: { tool_calls: [{ index: 1, id: 'call_ghstream0001_0_1', type: 'function', function: { name: 'b', arguments: '{"q":"b"}' } }] }, finish_reason: 'tool_calls' });
  });

  it('a blocked prompt → one content_filter chunk, then usage', async () => {
    const { chunks, error } = await collect(ev({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 } }));
    expect(error).toBeNull();
    expect(chunks.map((c) => c.choices[0] ?? c.usage)).toEqual([
      { index: 0, delta: { role: 'assistant', content: '' }, finish_reason: 'content_filter' },
      { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 },
    ]);
  });

  it('an answer stopped by SAFETY mid-way → content_filter', async () => {
    const { chunks } = await collect(textEv('Once') + ev({ candidates: [{ finishReason: 'SAFETY' }] }));
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('content_filter');
  });

  it('two candidates stream side by side; complete only when both finished', async () => {
    const two = (a: string, b: string, fin?: string) => ev({ candidates: [{ index: 0, content: { parts: [{ text: a }] }, ...(fin ? { finishReason: fin } : {}) }, { index: 1, content: { parts: [{ text: b }] }, ...(fin ? { finishReason: fin } : {}) }] });
    let out = await collect(two('a', 'b') + two('c', 'd', 'STOP'));
    expect(out.error).toBeNull();
    expect(out.chunks[0].choices.map((c) => c.delta.content)).toEqual(['a', 'b']);
    out = await collect(two('a', 'b') + ev({ candidates: [{ index: 0, content: { parts: [{ text: 'c' }] }, finishReason: 'STOP' }] }));
    expect(out.error).toMatchObject({ kind: 'stream_cut' });
  });

  it('events with only usage (thinking models) are skipped', async () => {
    const { chunks } = await collect(ev({ usageMetadata: { promptTokenCount: 2, thoughtsTokenCount: 5 } }) + textEv('x', 'STOP'));
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['x', undefined]);
  });

  it.each([
    ['ends before any finish reason', textEv('a'), 'stream_cut', /before a finish reason/, 1],
    ['is empty', '', 'stream_cut', /before a finish reason/, 0],
    ['sends an error object', textEv('a') + ev({ error: { code: 503, message: `overloaded ${ctx.apiKey}`, status: 'UNAVAILABLE' } }), 'server', /in the stream: overloaded \*\*\*/, 1],
    ['sends a 429 in the stream', ev({ error: { code: 429, message: 'quota', status: 'RESOURCE_EXHAUSTED' } }), 'rate_limited', /quota/, 0],
    ['sends non-JSON', 'data: nope\r\n\r\n', 'server', /not JSON/, 0],
    ['sends a wrong shape', ev({ candidates: 'x' }), 'server', /unexpected stream event/, 0],
  ])('throws when the stream %s', async (_name, sse, kind, message, delivered) => {
    const { chunks, error } = await collect(sse);
    expect(chunks).toHaveLength(delivered);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error?.kind).toBe(kind);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain(ctx.apiKey);
  });
});
