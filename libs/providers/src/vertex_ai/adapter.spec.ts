import type { ChatCompletionRequest } from '@gatehouse/contracts';
import { collect, providerCall, simDeployment, useSimulator } from '../testing/adapter-harness';
import type { ProviderCall } from '../types';
import { createVertexAdapter } from '.';

/** The Vertex AI adapter against the simulator's Vertex URL shape: bearer token, project and location in the path. */

const TOKEN = 'ya29.vertex-adapter-test-token-5d1c';
const { sim, pools } = useSimulator({ apiKey: TOKEN });
const adapter = createVertexAdapter({ pools });

const PATH = '/v1/projects/acme-prod/locations/europe-west1/publishers/google/models/gemini-2.0-flash';

function call(request: Partial<ChatCompletionRequest> = {}, overrides: Partial<ProviderCall> = {}): ProviderCall {
  return providerCall({
    deployment: simDeployment({ id: 'v#0', group: 'v', provider: 'vertex_ai', providerModel: 'gemini-2.0-flash', apiBase: sim.origin }),
    apiKey: null, params: { vertex_project: 'acme-prod', vertex_location: 'europe-west1', vertex_access_token: TOKEN },
    request: { model: 'v', messages: [{ role: 'user', content: 'hello vertex' }], ...request },
  }, overrides);
}

describe('vertex_ai adapter against the simulator', () => {
  it('plain: the Vertex path, a bearer token from vertex_access_token', async () => {
    const res = await adapter.chat(call());
    expect(res.choices[0]).toMatchObject({ message: { content: 'Echo: hello vertex' }, finish_reason: 'stop' });
    expect(res.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 3 });
    expect(sim.requests[0].path).toBe(`${PATH}:generateContent`);
    expect(sim.requests[0].headers.authorization).toBe('[redacted]');
  });

  it('stream, tools and a blocked prompt', async () => {
    const { chunks, error } = await collect(adapter.chatStream(call()));
    expect(error).toBeNull();
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: hello vertex');
    expect(sim.requests[0].path).toBe(`${PATH}:streamGenerateContent`);
    const tool = { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { n: { type: 'integer' } } } } };
    const res = await adapter.chat(call({ messages: [{ role: 'user', content: 'please lookup' }], tools: [tool] }));
    expect(res.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ function: { name: 'lookup', arguments: '{"n":2}' } }] } });
    const blocked = await adapter.chat(call({ messages: [{ role: 'user', content: '[[unsafe]]' }] }));
    expect(blocked.choices[0].finish_reason).toBe('content_filter');
  });

  it('a wrong token → auth (401 UNAUTHENTICATED), the token never in the message', async () => {
    const err = (await adapter.chat(call({}, { apiKey: 'ya29.wrong-token-000000' })).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).toMatch(/UNAUTHENTICATED/);
    expect(err.message).not.toContain('ya29.wrong-token-000000');
  });

  it('no token at all → auth before any request', async () => {
    await expect(adapter.chat(call({}, { params: { vertex_project: 'p' } }))).rejects.toMatchObject({ kind: 'auth' });
    expect(sim.requestCount()).toBe(0);
  });

  it('429 → rate_limited (no RetryInfo on Vertex); 503 → server', async () => {
    sim.faults.rateLimit(1);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'rate_limited', status: 429, retryAfterS: null });
    sim.faults.fail(503, 1);
    await expect(adapter.chat(call())).rejects.toMatchObject({ kind: 'server', status: 503 });
  });

  it('embeddings via :predict', async () => {
    const c = call();
    const res = await adapter.embeddings!({ ...c, deployment: { ...c.deployment, providerModel: 'text-embedding-005' }, request: { model: 'e', input: ['a b', 'c'], dimensions: 4 } });
    expect(res.data.map((d) => (d.embedding as number[]).length)).toEqual([4, 4]);
    expect(res.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect(sim.requests[0].path).toBe('/v1/projects/acme-prod/locations/europe-west1/publishers/google/models/text-embedding-005:predict');
  });
});
