import type { ChatCompletionChunk, ChatCompletionRequest } from '@gatehouse/contracts';
import { start } from '@gatehouse/simulator';
import { collect, providerCall, simDeployment, text, useSimulator } from '../testing/adapter-harness';
import { ProviderError, type ProviderCall } from '../types';
import { createOpenAIAdapter } from '.';

/** The OpenAI adapter against the in-process simulator: real HTTP, real SSE, injected faults. */

const KEY = 'adapter-test-key-4f2a9c';
const { sim, pools } = useSimulator({ apiKey: KEY });
const adapter = createOpenAIAdapter({ pools });

function call(overrides: Partial<ProviderCall> = {}, request: Partial<ChatCompletionRequest> = {}): ProviderCall {
  return providerCall({
    deployment: simDeployment({ id: 'sim#0', group: 'gpt', provider: 'openai', providerModel: 'sim-model', apiBase: sim.url }),
    apiKey: KEY,
    params: {},
    request: { model: 'gpt', messages: [{ role: 'user', content: 'hello there friend' }], metadata: { tags: ['t'] }, ...request },
  }, overrides);
}

describe('openai adapter against the simulator', () => {
  it('plain: sends the provider model, the key, no gateway fields; returns the completion', async () => {
    const res = await adapter.chat(call());
    expect(res).toMatchObject({ object: 'chat.completion', model: 'sim-model', choices: [{ message: { content: 'Echo: hello there friend' }, finish_reason: 'stop' }] });
    expect(res.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    const seen = sim.requests[0];
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.headers.authorization).toBe('[redacted]'); // it was sent (the simulator checks it) and redacted in the log
    expect(seen.body).toEqual({ model: 'sim-model', messages: [{ role: 'user', content: 'hello there friend' }] });
  });

  it('stream: chunks in order with usage last, include_usage forced on', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call({}, { stream: true })));
    expect(error).toBeNull();
    expect(text(chunks)).toBe('Echo: hello there friend');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } });
    expect(sim.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('stream: yields the first chunk before the provider has finished', async () => {
    sim.faults.latency({ perChunkMs: 150 });
    const started = Date.now();
    const iterator = adapter.chatStream(call())[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.choices[0].delta.role).toBe('assistant');
    expect(Date.now() - started).toBeLessThan(300); // the whole stream takes > 900 ms
    await iterator.return?.();
  });

  it('reuses one pool per origin across calls', async () => {
    await adapter.chat(call());
    await adapter.chat(call());
    expect(pools.size).toBe(1);
  });

  it('429 → rate_limited with retry-after seconds', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 12 });
    const err = await adapter.chat(call()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: 12, retryable: true });
    expect((err as Error).message).toMatch(/429: Rate limit reached/);
  });

  it.each([500, 502, 503])('%i → server, for plain and stream', async (status) => {
    sim.faults.fail(status, 2);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'server', status });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ kind: 'server', status });
  });

  it('401 → auth, and the key never appears in the error', async () => {
    sim.faults.fail(401, 1, { message: `Incorrect API key provided: ${KEY}` });
    const err = (await adapter.chat(call()).catch((e: unknown) => e)) as ProviderError;
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).toContain('Incorrect API key provided');
    expect(err.message).not.toContain(KEY);
    await expect(adapter.chat(call({ apiKey: 'wrong-key' }))).rejects.toMatchObject({ kind: 'auth', retryable: false });
  });

  it('400 → bad_request', async () => {
    await expect(adapter.chat(call({}, { messages: [{ role: 'user', content: 'x' }], ['messages' as string]: [] }))).rejects.toMatchObject({ kind: 'bad_request', status: 400 });
  });

  it('a stream cut after K chunks → stream_cut, after delivering the K chunks', async () => {
    sim.faults.cutStream(3);
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toHaveLength(3);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'stream_cut', retryable: true });
  });

  it.each(['event', 'data'] as const)('an in-stream error (%s) → server with its message', async (as) => {
    sim.faults.streamError(2, { as, message: 'engine overloaded mid-stream' });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'server' });
    expect((error as Error).message).toMatch(/engine overloaded mid-stream/);
  });

  it('a hang → timeout after firstByteTimeoutMs (plain and stream)', async () => {
    sim.faults.hang(2);
    let t = Date.now();
    await expect(adapter.chat(call({ firstByteTimeoutMs: 150 }))).rejects.toMatchObject({ kind: 'timeout', message: expect.stringMatching(/no response within 150 ms/) });
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    t = Date.now();
    const { error } = await collect(adapter.chatStream(call({ firstByteTimeoutMs: 150 })));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('a slow stream → timeout at the whole-call deadline, after its first chunks', async () => {
    sim.faults.latency({ perChunkMs: 100 });
    const { chunks, error } = await collect(adapter.chatStream(call({ timeoutMs: 250 })));
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThan(5);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/not complete within 250 ms/) });
  });

  it('abort by the caller rejects with the caller reason, not a ProviderError', async () => {
    sim.faults.hang(1);
    const controller = new AbortController();
    const pending = adapter.chat(call({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('client went away')), 50);
    await expect(pending).rejects.toThrow('client went away');
    const aborted = AbortSignal.abort(new Error('already gone'));
    await expect(collect(adapter.chatStream(call({ signal: aborted })))).resolves.toMatchObject({ error: expect.objectContaining({ message: 'already gone' }) });
  });

  it('abort mid-stream stops the stream', async () => {
    sim.faults.latency({ perChunkMs: 50 });
    const controller = new AbortController();
    const chunks: ChatCompletionChunk[] = [];
    const run = (async () => {
      for await (const c of adapter.chatStream(call({ signal: controller.signal }))) {
        chunks.push(c);
        if (chunks.length === 2) controller.abort(new Error('stop now'));
      }
    })();
    await expect(run).rejects.toThrow('stop now');
    expect(chunks).toHaveLength(2);
  });

  it('connection refused → connect', async () => {
    const down = await start();
    const url = down.url;
    await down.close();
    const c = call();
    const err = await adapter.chat({ ...c, deployment: { ...c.deployment, apiBase: url } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'connect', retryable: true });
  });

  it('refused, then accepted again: the pool recovers', async () => {
    await adapter.chat(call());
    await sim.refuseConnections();
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'connect' });
    await sim.acceptConnections();
    await expect(adapter.chat(call())).resolves.toMatchObject({ object: 'chat.completion' });
  });
});
