import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { collect, providerCall, simDeployment, text, useSimulator } from '../testing/adapter-harness';
import { ProviderError, type ProviderCall } from '../types';
import { createAnthropicAdapter } from '.';

/** The Anthropic adapter against the in-process simulator: real HTTP, real SSE, injected faults. */

const KEY = 'sk-ant-adapter-test-key-9b1c';
const { sim, pools } = useSimulator({ apiKey: KEY });
const adapter = createAnthropicAdapter({ pools, now: () => 1_800_000_000_000 });

function call(overrides: Partial<ProviderCall> = {}, request: Partial<ChatCompletionRequest> = {}): ProviderCall {
  return providerCall({
    deployment: simDeployment({ id: 'claude#0', group: 'claude', provider: 'anthropic', providerModel: 'claude-sim', apiBase: sim.url }),
    apiKey: KEY, params: {},
    request: { model: 'claude', messages: [{ role: 'system', content: 'be kind' }, { role: 'user', content: 'hello there friend' }], ...request },
  }, overrides);
}
const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }];

describe('anthropic adapter against the simulator', () => {
  it('plain: Anthropic body and headers out, OpenAI completion back', async () => {
    const res = await adapter.chat(call());
    expect(res).toMatchObject({ object: 'chat.completion', model: 'claude-sim', created: 1_800_000_000, choices: [{ message: { content: 'Echo: hello there friend' }, finish_reason: 'stop' }] });
    expect(res.id).toMatch(/^msg_/);
    expect(res.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    const seen = sim.requests[0];
    expect(seen.path).toBe('/v1/messages');
    expect(seen.headers).toMatchObject({ 'x-api-key': '[redacted]', 'anthropic-version': '2023-06-01' });
    expect(seen.body).toEqual({ model: 'claude-sim', max_tokens: 4096, system: 'be kind', messages: [{ role: 'user', content: 'hello there friend' }] });
  });

  it('stream: role chunk, text, finish, usage last', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call({}, { stream: true })));
    expect(error).toBeNull();
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(text(chunks)).toBe('Echo: hello there friend');
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4 } });
  });

  it('tools: tool_calls plain and streamed', async () => {
    const plain = await adapter.chat(call({}, { tools, messages: [{ role: 'user', content: 'lookup cats' }] }));
    expect(plain.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { content: 'Calling lookup.', tool_calls: [{ type: 'function', function: { name: 'lookup', arguments: '{"q":"lookup cats"}' } }] } });
    const { chunks } = await collect(adapter.chatStream(call({}, { tools, messages: [{ role: 'user', content: 'lookup cats' }] })));
    const args = chunks.flatMap((c) => (c.choices[0]?.delta.tool_calls ?? []) as { function?: { arguments?: string } }[]).map((t) => t.function?.arguments ?? '').join('');
    expect(args).toBe('{"q":"lookup cats"}');
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('max_tokens → length', async () => {
    const res = await adapter.chat(call({}, { max_tokens: 2 }));
    expect(res.choices[0]).toMatchObject({ message: { content: 'Echo: hello' }, finish_reason: 'length' });
  });

  it('429 → rate_limited with retry-after', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 12 });
    const err = await adapter.chat(call()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: 12, retryable: true });
    expect((err as Error).message).toMatch(/429: This request would exceed the rate limit/);
  });

  it.each([500, 529])('%i → server (retryable), plain and stream', async (status) => {
    sim.faults.fail(status, 2);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'server', status, retryable: true });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ kind: 'server', status });
  });

  it('400 → bad_request; prompt too long → context_window', async () => {
    sim.faults.fail(400, 1, { message: 'messages.0.content: Field required' });
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'bad_request', status: 400, retryable: false });
    sim.faults.fail(400, 1, { message: 'prompt is too long: 250000 tokens > 200000 maximum' });
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'context_window', status: 400 });
  });

  it('401 → auth, and the key never appears in the error', async () => {
    sim.faults.fail(401, 1, { message: `invalid x-api-key ${KEY}` });
    const err = (await adapter.chat(call()).catch((e: unknown) => e)) as ProviderError;
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).not.toContain(KEY);
    await expect(adapter.chat(call({ apiKey: 'wrong' }))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('a stream cut → stream_cut after the events before it', async () => {
    sim.faults.cutStream(4);
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ kind: 'stream_cut', retryable: true });
  });

  it('an in-stream error event → server with its message', async () => {
    sim.faults.streamError(3, { message: 'Overloaded' });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ kind: 'server', message: expect.stringMatching(/overloaded_error: Overloaded/) });
  });

  it('a hang → timeout after firstByteTimeoutMs', async () => {
    sim.faults.hang(2);
    await expect(adapter.chat(call({ firstByteTimeoutMs: 150 }))).rejects.toMatchObject({ kind: 'timeout' });
    const { error } = await collect(adapter.chatStream(call({ firstByteTimeoutMs: 150 })));
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('yields the first chunk before the provider has finished', async () => {
    sim.faults.latency({ perChunkMs: 150 });
    const started = Date.now();
    const iterator = adapter.chatStream(call())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.choices[0].delta.role).toBe('assistant');
    expect(Date.now() - started).toBeLessThan(300);
    await iterator.return?.();
  });

  it('n > 1 is refused before any request', async () => {
    await expect(adapter.chat(call({}, { n: 2 }))).rejects.toMatchObject({ kind: 'bad_request' });
    expect(sim.requestCount()).toBe(0);
  });
});
