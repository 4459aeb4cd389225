import type { Deployment } from '@gatehouse/config';
import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { BEDROCK_SIM_CREDENTIALS } from '@gatehouse/simulator';
import { collect, providerCall, simDeployment, text, useSimulator } from '../testing/adapter-harness';
import { ProviderError, type EmbeddingsCall, type ProviderCall } from '../types';
import { createBedrockAdapter } from '.';

/** The Bedrock adapter against the simulator: real HTTP, real SigV4, real event-stream frames, injected faults. */

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const { sim, pools } = useSimulator();
const adapter = createBedrockAdapter({ pools });

function deployment(providerModel = MODEL): Deployment {
  return simDeployment({ id: 'br#0', group: 'claude', provider: 'bedrock', providerModel, apiBase: sim.origin });
}

const PARAMS = { aws_access_key_id: BEDROCK_SIM_CREDENTIALS.accessKeyId, aws_secret_access_key: BEDROCK_SIM_CREDENTIALS.secretAccessKey, aws_region_name: 'eu-west-1' };

function call(overrides: Partial<ProviderCall> = {}, request: Partial<ChatCompletionRequest> = {}): ProviderCall {
  return providerCall({
    deployment: deployment(),
    apiKey: null,
    params: PARAMS,
    request: { model: 'claude', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello there friend' }], ...request },
  }, overrides);
}
const WEATHER = { type: 'function', function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };

describe('bedrock adapter against the simulator', () => {
  it('plain: a signed Converse call to the encoded model path, answered in OpenAI form', async () => {
    const res = await adapter.chat(call());
    expect(res).toMatchObject({ object: 'chat.completion', model: MODEL, choices: [{ message: { role: 'assistant', content: 'Echo: hello there friend' }, finish_reason: 'stop' }] });
    expect(res.usage).toEqual({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
    const seen = sim.requests[0];
    expect(seen.path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
    expect(seen.headers.authorization).toBe('[redacted]');
    expect(seen.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(seen.body).toEqual({ messages: [{ role: 'user', content: [{ text: 'hello there friend' }] }], system: [{ text: 'be brief' }] });
  });

  it('bedrock/converse/<model> calls the same model', async () => {
    const c = call();
    await adapter.chat({ ...c, deployment: deployment(`converse/${MODEL}`) });
    expect(sim.requests[0].path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
  });

  it('signs temporary credentials (session token) too', async () => {
    await expect(adapter.chat(call({ params: { ...PARAMS, aws_session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' } }))).resolves.toMatchObject({ object: 'chat.completion' });
    expect(sim.requests[0].headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLETOKEN');
  });

  it('stream: event-stream frames become chunks, finish then usage last', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call({}, { stream: true })));
    expect(error).toBeNull();
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(text(chunks)).toBe('Echo: hello there friend');
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 } });
    expect(sim.requests[0].path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream');
    expect(sim.requests[0].headers.accept).toBe('application/vnd.amazon.eventstream');
  });

  it('stream: yields the first chunk before the provider has finished', async () => {
    sim.faults.latency({ perChunkMs: 150 });
    const started = Date.now();
    const iterator = adapter.chatStream(call())[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.choices[0].delta.role).toBe('assistant');
    expect(Date.now() - started).toBeLessThan(300);
    await iterator.return?.();
  });

  it('tools: toolSpec out, toolUse back as tool_calls (plain and stream)', async () => {
    const request = { messages: [{ role: 'user' as const, content: 'use get_weather for Paris' }], tools: [WEATHER], tool_choice: 'auto' };
    const res = await adapter.chat(call({}, request));
    const toolCall = res.choices[0].message.tool_calls?.[0];
    expect(res.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { content: null } });
    expect(toolCall).toMatchObject({ type: 'function', id: expect.stringMatching(/^tooluse_/), function: { name: 'get_weather' } });
    expect(JSON.parse(toolCall!.function.arguments)).toEqual({ city: 'use get_weather for Paris' });
    expect(sim.requests[0].body).toMatchObject({ toolConfig: { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: WEATHER.function.parameters } } }], toolChoice: { auto: {} } } });

    const { chunks, error } = await collect(adapter.chatStream(call({}, request)));
    expect(error).toBeNull();
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []) as { index: number; id?: string; function: { name?: string; arguments: string } }[];
    expect(calls[0]).toMatchObject({ index: 0, id: toolCall!.id, function: { name: 'get_weather', arguments: '' } });
    expect(calls.map((c) => c.function.arguments).join('')).toBe(toolCall!.function.arguments);
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('tool_calls');
  });

  it('tools: the result goes back as a toolResult in a user turn, and the model answers in text', async () => {
    const res = await adapter.chat(call({}, {
      messages: [
        { role: 'user', content: 'use get_weather for Paris' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: 'tooluse_1', content: 'sunny' },
      ],
      tools: [WEATHER],
    }));
    expect(res.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Echo: use get_weather for Paris' } });
    expect((sim.requests[0].body as { messages: unknown[] }).messages[2]).toEqual({ role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'sunny' }] } }] });
  });

  it('a wrong secret → the simulator refuses the signature → auth, the secret never in the message', async () => {
    const wrong = 'wrongSecretKeyThatIsNotTheRealOne000000x';
    const err = (await adapter.chat(call({ params: { ...PARAMS, aws_secret_access_key: wrong } })).catch((e: unknown) => e)) as ProviderError;
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'auth', status: 403, retryable: false });
    expect(err.message).toMatch(/InvalidSignatureException: The request signature we calculated does not match/);
    expect(err.message).not.toContain(wrong);
    const { error } = await collect(adapter.chatStream(call({ params: { ...PARAMS, aws_secret_access_key: wrong } })));
    expect(error).toMatchObject({ kind: 'auth', status: 403 });
  });

  it('an unknown access key → UnrecognizedClientException → auth', async () => {
    await expect(adapter.chat(call({ params: { ...PARAMS, aws_access_key_id: 'AKIAUNKNOWNKEY000000' } }))).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/UnrecognizedClientException/) });
  });

  it('throttling → rate_limited (plain and stream)', async () => {
    sim.faults.rateLimit(2);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, message: expect.stringMatching(/ThrottlingException: Too many requests/) });
    await expect(collect(adapter.chatStream(call()))).resolves.toMatchObject({ chunks: [], error: expect.objectContaining({ kind: 'rate_limited' }) });
  });

  it.each([
    [500, 'server', 'InternalServerException'],
    [503, 'server', 'ServiceUnavailableException'],
    [400, 'bad_request', 'ValidationException'],
    [403, 'auth', 'AccessDeniedException'],
  ])('%i → %s (%s)', async (status, kind, type) => {
    sim.faults.fail(status);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind, status, message: expect.stringContaining(type) });
  });

  it('a prompt over the model limit → context_window', async () => {
    await expect(adapter.chat(call({}, { messages: [{ role: 'user', content: 'word '.repeat(9000) }] }))).rejects.toMatchObject({ kind: 'context_window', status: 400 });
  });

  it('a stream cut after K frames → stream_cut, after the chunks those frames carried', async () => {
    sim.faults.cutStream(3);
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'stream_cut', retryable: true });
  });

  it('an exception event mid-stream → server with its message', async () => {
    sim.faults.streamError(2, { message: 'model stream broke' });
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'server' });
    expect((error as Error).message).toMatch(/modelStreamErrorException in the stream: model stream broke/);
  });

  it('a hang → timeout after firstByteTimeoutMs', async () => {
    sim.faults.hang(1);
    await expect(adapter.chat(call({ firstByteTimeoutMs: 150 }))).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('an http image URL is refused before any call', async () => {
    const messages = [{ role: 'user' as const, content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }];
    await expect(adapter.chat(call({}, { messages }))).rejects.toMatchObject({ kind: 'bad_request' });
    expect(sim.requestCount()).toBe(0);
  });
});

describe('bedrock embeddings against the simulator', () => {
  const embedCall = (model: string, request: Partial<EmbeddingsCall['request']>): EmbeddingsCall => ({
    deployment: deployment(model), apiKey: null, params: PARAMS, signal: new AbortController().signal, timeoutMs: 5000,
    request: { model: 'emb', input: 'x', ...request },
  });

  it('Titan v2: one InvokeModel per input, with dimensions; usage from the token counts', async () => {
    const res = await adapter.embeddings!(embedCall('amazon.titan-embed-text-v2:0', { input: ['one two', 'three'], dimensions: 256 }));
    expect(res).toMatchObject({ object: 'list', model: 'amazon.titan-embed-text-v2:0', usage: { prompt_tokens: 3, total_tokens: 3 } });
    expect(res.data.map((d) => [d.index, (d.embedding as number[]).length])).toEqual([[0, 256], [1, 256]]);
    expect(sim.requests.map((r) => r.path)).toEqual(['/model/amazon.titan-embed-text-v2%3A0/invoke', '/model/amazon.titan-embed-text-v2%3A0/invoke']);
    expect(sim.requests.map((r) => r.body)).toEqual(expect.arrayContaining([{ inputText: 'one two', dimensions: 256 }, { inputText: 'three', dimensions: 256 }]));
  });

  it('Cohere: one batch call with input_type search_document; base64 on request', async () => {
    const res = await adapter.embeddings!(embedCall('cohere.embed-english-v3', { input: ['alpha beta', 'gamma'], encoding_format: 'base64' }));
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0].body).toEqual({ texts: ['alpha beta', 'gamma'], input_type: 'search_document' });
    expect(res.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect(Buffer.from(res.data[1].embedding as string, 'base64')).toHaveLength(1024 * 4);
  });

  it('an invalid Titan dimension → bad_request from the ValidationException', async () => {
    await expect(adapter.embeddings!(embedCall('amazon.titan-embed-text-v2:0', { dimensions: 100 }))).rejects.toMatchObject({ kind: 'bad_request', status: 400 });
  });
});
