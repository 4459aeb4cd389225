import { ChatCompletionChunk, type ChatCompletionRequest } from '@gatehouse/contracts';
import { collect, providerCall, simDeployment, useSimulator } from '../testing/adapter-harness';
import type { ProviderCall } from '../types';
import { createAzureAdapter } from '.';

/** The Azure OpenAI adapter against the simulator's Azure data plane. */

const KEY = 'azure-adapter-test-key-8c2e41';
const { sim, pools } = useSimulator({ apiKey: KEY });
const adapter = createAzureAdapter({ pools });

function call(request: Partial<ChatCompletionRequest> = {}, overrides: Partial<ProviderCall> = {}): ProviderCall {
  return providerCall({
    deployment: simDeployment({ id: 'a#0', group: 'a', provider: 'azure', providerModel: 'gpt4o-prod', apiBase: sim.origin, apiVersion: '2024-10-21' }),
    apiKey: KEY, params: {},
    request: { model: 'a', messages: [{ role: 'user', content: 'hello azure' }], ...request },
  }, overrides);
}

describe('azure adapter against the simulator', () => {
  it('plain: the deployment URL with api-version, the api-key header', async () => {
    const res = await adapter.chat(call());
    expect(res.choices[0]).toMatchObject({ message: { content: 'Echo: hello azure' }, finish_reason: 'stop' });
    expect(res).toHaveProperty('prompt_filter_results');
    expect(sim.requests[0]).toMatchObject({ path: '/openai/deployments/gpt4o-prod/chat/completions', headers: { 'api-key': '[redacted]' } });
  });

  it('Entra ID: the azure_ad_token as a bearer', async () => {
    await adapter.chat(call({}, { apiKey: null, params: { azure_ad_token: KEY } }));
    expect(sim.requests[0].headers).toMatchObject({ authorization: '[redacted]' });
    expect(sim.requests[0].headers['api-key']).toBeUndefined();
  });

  it('stream: the filter-only first chunk is not forwarded; usage last', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(error).toBeNull();
    chunks.forEach((c) => ChatCompletionChunk.parse(c));
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: hello azure');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3 } });
    expect(chunks.every((c) => c.id !== '')).toBe(true);
  });

  it('tools', async () => {
    const tool = { type: 'function', function: { name: 'search', parameters: { type: 'object', properties: { q: { type: 'string' } } } } };
    const res = await adapter.chat(call({ messages: [{ role: 'user', content: 'search this' }], tools: [tool] }));
    expect(res.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ function: { name: 'search', arguments: '{"q":"search this"}' } }] } });
  });

  it('a filtered prompt (400 code content_filter) → content_filter; a filtered answer → finish_reason content_filter', async () => {
    await expect(adapter.chat(call({ messages: [{ role: 'user', content: 'a [[unsafe]] ask' }] }))).rejects.toMatchObject({ kind: 'content_filter', status: 400, retryable: false });
    const res = await adapter.chat(call({ messages: [{ role: 'user', content: 'a [[unsafe-output]] ask' }] }));
    expect(res.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: null } });
    const { chunks } = await collect(adapter.chatStream(call({ messages: [{ role: 'user', content: '[[unsafe-output]]' }] })));
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('content_filter');
  });

  it('429 with retry-after-ms → rate_limited; 500 → server; a wrong key → auth', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 6 });
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: 6, message: expect.stringMatching(/exceeded token rate limit/) });
    sim.faults.fail(500, 1);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'server', status: 500 });
    const err = (await adapter.chat(call({}, { apiKey: 'wrong-azure-key-1234' })).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).not.toContain('wrong-azure-key-1234');
  });

  it('a stream cut → stream_cut; a hang → timeout', async () => {
    sim.faults.cutStream(3);
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(chunks).toHaveLength(2); // the filter-only chunk was one of the three
    expect(error).toMatchObject({ kind: 'stream_cut' });
    sim.faults.hang(1);
    await expect(adapter.chat(call({}, { firstByteTimeoutMs: 150 }))).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('an unknown api-version → bad_request', async () => {
    const c = call();
    await expect(adapter.chat({ ...c, deployment: { ...c.deployment, apiVersion: 'latest' } })).rejects.toMatchObject({ kind: 'bad_request', status: 400 });
  });

  it('embeddings at /openai/deployments/{d}/embeddings', async () => {
    const c = call();
    const res = await adapter.embeddings!({ ...c, deployment: { ...c.deployment, providerModel: 'emb-small' }, request: { model: 'e', input: 'some text', dimensions: 16 } });
    expect(res).toMatchObject({ object: 'list', model: 'emb-small', usage: { prompt_tokens: 2 } });
    expect(res.data[0].embedding).toHaveLength(16);
    expect(sim.requests[0]).toMatchObject({ path: '/openai/deployments/emb-small/embeddings', body: { input: 'some text', dimensions: 16 } });
  });
});
