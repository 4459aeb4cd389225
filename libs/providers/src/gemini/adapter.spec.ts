import { ChatCompletion, ChatCompletionChunk, type ChatCompletionRequest } from '@gatehouse/contracts';
import { collect, providerCall, simDeployment, text, useSimulator } from '../testing/adapter-harness';
import { ProviderError, type ProviderCall } from '../types';
import { createGeminiAdapter } from '.';

/** The Gemini (AI Studio) adapter against the simulator: real HTTP, `alt=sse` streams, Google errors. */

const KEY = 'AIzaSy-gemini-adapter-test-key-93f1';
const { sim, pools } = useSimulator({ apiKey: KEY });
const adapter = createGeminiAdapter({ pools });

function call(request: Partial<ChatCompletionRequest> = {}, overrides: Partial<ProviderCall> = {}): ProviderCall {
  return providerCall({
    deployment: simDeployment({ id: 'g#0', group: 'g', provider: 'gemini', providerModel: 'gemini-2.0-flash', apiBase: sim.origin }),
    apiKey: KEY, params: {},
    request: { model: 'g', messages: [{ role: 'user', content: 'hello there friend' }], ...request },
  }, overrides);
}
const WEATHER = { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', additionalProperties: false, properties: { city: { type: 'string' } }, required: ['city'] } } };

describe('gemini adapter against the simulator', () => {
  it('plain: the AI Studio URL, the key header, a Gemini body; an OpenAI completion back', async () => {
    const res = await adapter.chat(call({ messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello there friend' }], max_tokens: 50 }));
    ChatCompletion.parse(res);
    expect(res).toMatchObject({ object: 'chat.completion', model: 'gemini-2.0-flash', choices: [{ index: 0, message: { role: 'assistant', content: 'Echo: hello there friend' }, finish_reason: 'stop' }] });
    expect(res.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    const seen = sim.requests[0];
    expect(seen.path).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(seen.headers['x-goog-api-key']).toBeDefined();
    expect(seen.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hello there friend' }] }],
      systemInstruction: { parts: [{ text: 'be brief' }] },
      generationConfig: { maxOutputTokens: 50 },
    });
  });

  it('stream: text deltas in order, finish, usage last', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call({ stream: true })));
    expect(error).toBeNull();
    chunks.forEach((c) => ChatCompletionChunk.parse(c));
    expect(text(chunks)).toBe('Echo: hello there friend');
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } });
    expect(sim.requests[0].path).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent');
  });

  it('tools: a function call comes back as tool_calls; the answer to it goes back as functionResponse', async () => {
    const first = await adapter.chat(call({ messages: [{ role: 'user', content: 'use get_weather please' }], tools: [WEATHER], tool_choice: 'auto' }));
    const msg = first.choices[0].message;
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(msg.content).toBeNull();
    expect(msg.tool_calls).toEqual([{ id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: JSON.stringify({ city: 'use get_weather please' }) } }]);
    expect(sim.requests[0].body).toMatchObject({
      tools: [{ functionDeclarations: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }] }],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
    });
    const second = await adapter.chat(call({
      messages: [{ role: 'user', content: 'use get_weather please' }, msg, { role: 'tool', tool_call_id: msg.tool_calls![0].id, content: '{"temp":21}' }],
      tools: [WEATHER],
    }));
    expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Echo: use get_weather please' } });
    expect((sim.requests[1].body as { contents: unknown[] }).contents[2]).toEqual({ role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temp: 21 } } }] });
  });

  it('tools, streamed: the whole call in one tool_call delta', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call({ messages: [{ role: 'user', content: 'get_weather now' }], tools: [WEATHER] })));
    expect(error).toBeNull();
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls).toEqual([{ index: 0, id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '{"city":"get_weather now"}' } }]);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('a blocked prompt is a content_filter completion, not an error (plain and stream)', async () => {
    const prompt = { messages: [{ role: 'user' as const, content: 'tell me [[unsafe]] things' }] };
    const res = await adapter.chat(call(prompt));
    expect(res.choices).toEqual([{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'content_filter' }]);
    expect(res.usage?.prompt_tokens).toBe(4);
    const { chunks, error } = await collect(adapter.chatStream(call(prompt)));
    expect(error).toBeNull();
    expect(chunks[0].choices[0]).toMatchObject({ finish_reason: 'content_filter' });
    expect(chunks.at(-1)?.usage?.prompt_tokens).toBe(4);
  });

  it('a blocked answer (finishReason SAFETY) is content_filter', async () => {
    const res = await adapter.chat(call({ messages: [{ role: 'user', content: 'x [[unsafe-output]]' }] }));
    expect(res.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: '' } });
  });

  it('n → candidateCount; each candidate a choice', async () => {
    const res = await adapter.chat(call({ n: 2 }));
    expect(res.choices.map((c) => c.index)).toEqual([0, 1]);
    expect((sim.requests[0].body as { generationConfig: unknown }).generationConfig).toEqual({ candidateCount: 2 });
  });

  it('429 RESOURCE_EXHAUSTED → rate_limited with the RetryInfo delay', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 31 });
    const err = await adapter.chat(call()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: 31, retryable: true });
    expect((err as Error).message).toMatch(/429 RESOURCE_EXHAUSTED: You exceeded your current quota/);
  });

  it.each([500, 503])('%i → server, plain and stream', async (status) => {
    sim.faults.fail(status, 2);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'server', status });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toEqual([]);
    expect(error).toMatchObject({ kind: 'server', status });
  });

  it('a wrong key (400 API_KEY_INVALID) → auth, the key never in the message', async () => {
    const err = (await adapter.chat(call({}, { apiKey: 'AIzaSy-wrong-key-0000000' })).catch((e: unknown) => e)) as ProviderError;
    expect(err).toMatchObject({ kind: 'auth', status: 400, retryable: false });
    expect(err.message).toMatch(/API key not valid/);
    await expect(adapter.chat(call({}, { apiKey: null }))).rejects.toMatchObject({ kind: 'auth', status: 403 });
  });

  it('a request Gemini rejects (400 INVALID_ARGUMENT) → bad_request', async () => {
    await expect(adapter.chat(call({ messages: [{ role: 'system', content: 'only a system prompt' }] }))).rejects.toMatchObject({ kind: 'bad_request', status: 400, message: expect.stringMatching(/contents is not specified/) });
  });

  it('a stream cut → stream_cut after the delivered chunks; an in-stream error → server', async () => {
    sim.faults.cutStream(2);
    let out = await collect(adapter.chatStream(call()));
    expect(out.chunks).toHaveLength(2);
    expect(out.error).toMatchObject({ kind: 'stream_cut', retryable: true });
    sim.faults.streamError(1, { message: 'backend overloaded mid-stream' });
    out = await collect(adapter.chatStream(call()));
    expect(out.chunks).toHaveLength(1);
    expect(out.error).toMatchObject({ kind: 'server', message: expect.stringMatching(/backend overloaded mid-stream/) });
  });

  it('a hang → timeout after firstByteTimeoutMs', async () => {
    sim.faults.hang(1);
    await expect(adapter.chat(call({}, { firstByteTimeoutMs: 150 }))).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('embeddings via batchEmbedContents, in OpenAI shape (floats and base64)', async () => {
    const embed = (input: string | string[], extra: object = {}) =>
      adapter.embeddings!({ ...call(), deployment: { ...call().deployment, providerModel: 'text-embedding-004' }, request: { model: 'e', input, ...extra } });
    const res = await embed(['one', 'two words'], { dimensions: 8 });
    expect(res).toMatchObject({ object: 'list', model: 'text-embedding-004', data: [{ object: 'embedding', index: 0 }, { index: 1 }] });
    expect(res.data[0].embedding).toHaveLength(8);
    expect(sim.requests[0]).toMatchObject({ path: '/v1beta/models/text-embedding-004:batchEmbedContents', body: { requests: [{ model: 'models/text-embedding-004', content: { parts: [{ text: 'one' }] }, outputDimensionality: 8 }, expect.anything()] } });
    const b64 = await embed('one', { dimensions: 8, encoding_format: 'base64' });
    expect(Buffer.from(b64.data[0].embedding as string, 'base64').readFloatLE(0)).toBeCloseTo((res.data[0].embedding as number[])[0], 6);
  });
});
