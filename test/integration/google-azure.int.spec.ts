import OpenAI from 'openai';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * Gemini (AI Studio), Vertex AI and Azure OpenAI deployments behind the whole in-process gateway,
 * called with the official openai SDK: the client speaks OpenAI whatever serves the alias.
 */
const PROVIDER_KEY = 'provider-secret-google-azure-0042';

let nats: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;

const client = () => new OpenAI({ baseURL: `${gw.urls[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 15_000 });

beforeAll(async () => {
  process.env.GH_TEST_PROVIDER_KEY = PROVIDER_KEY;
  nats = await startNatsServer();
  sim = await startSimulator({ apiKey: PROVIDER_KEY });
  const models = `
  - { model_name: gemini-flash, litellm_params: { model: gemini/gemini-2.0-flash, api_base: "${sim.origin}", api_key: os.environ/GH_TEST_PROVIDER_KEY } }
  - { model_name: vertex-flash, litellm_params: { model: vertex_ai/gemini-2.0-flash, api_base: "${sim.origin}", vertex_project: acme-prod, vertex_location: europe-west1, vertex_access_token: os.environ/GH_TEST_PROVIDER_KEY } }
  - { model_name: azure-gpt, litellm_params: { model: azure/gpt4o-prod, api_base: "${sim.origin}", api_version: "2024-10-21", api_key: os.environ/GH_TEST_PROVIDER_KEY } }`;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models), ingressReplicas: 1, routerReplicas: 1 });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  await nats?.stop();
});

beforeEach(() => sim.reset());

const ALIASES = [
  ['gemini-flash', '/v1beta/models/gemini-2.0-flash:generateContent'],
  ['vertex-flash', '/v1/projects/acme-prod/locations/europe-west1/publishers/google/models/gemini-2.0-flash:generateContent'],
  ['azure-gpt', '/openai/deployments/gpt4o-prod/chat/completions'],
] as const;

const WEATHER: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', additionalProperties: false, properties: { city: { type: 'string' } }, required: ['city'] } },
};

describe.each(ALIASES)('%s through the gateway', (model, path) => {
  it('plain: an OpenAI completion with usage, from the provider path', async () => {
    const res = await client().chat.completions.create({ model, messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello from the sdk' }] });
    expect(res.choices[0].message.content).toBe('Echo: hello from the sdk');
    expect(res.choices[0].finish_reason).toBe('stop');
    expect(res.usage).toMatchObject({ prompt_tokens: 6, completion_tokens: 5, total_tokens: 11 });
    expect(sim.requests.map((r) => r.path)).toEqual([path]);
  });

  it('streaming: the same text in chunks, usage when asked for', async () => {
    const stream = await client().chat.completions.create({ model, messages: [{ role: 'user', content: 'stream it to me' }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream it to me');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5 });
  });

  it('tool calls: the call comes back, and the result goes back in', async () => {
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'get_weather for Oslo' }];
    const first = await client().chat.completions.create({ model, messages, tools: [WEATHER] });
    const call = first.choices[0].message.tool_calls?.[0];
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather', arguments: JSON.stringify({ city: 'get_weather for Oslo' }) } });
    messages.push(first.choices[0].message, { role: 'tool', tool_call_id: call!.id, content: '{"temp_c": 4}' });
    const second = await client().chat.completions.create({ model, messages, tools: [WEATHER] });
    expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Echo: get_weather for Oslo' } });
  });

  it('tool calls, streamed: one complete call', async () => {
    const stream = await client().chat.completions.create({ model, messages: [{ role: 'user', content: 'please get_weather' }], tools: [WEATHER], stream: true });
    const calls = new Map<number, { name: string; args: string }>();
    for await (const chunk of stream) {
      for (const tc of chunk.choices[0]?.delta?.tool_calls ?? []) {
        const c = calls.get(tc.index) ?? { name: '', args: '' };
        calls.set(tc.index, { name: c.name + (tc.function?.name ?? ''), args: c.args + (tc.function?.arguments ?? '') });
      }
    }
    expect([...calls.values()]).toEqual([{ name: 'get_weather', args: '{"city":"please get_weather"}' }]);
  });
});

describe('safety blocks', () => {
  it.each(['gemini-flash', 'vertex-flash'])('%s: a blocked prompt is finish_reason content_filter, plain and streamed', async (model) => {
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: 'user', content: 'something [[unsafe]]' }];
    const res = await client().chat.completions.create({ model, messages });
    expect(res.choices[0]).toMatchObject({ finish_reason: 'content_filter', message: { content: '' } });
    const stream = await client().chat.completions.create({ model, messages, stream: true });
    const finishes: (string | null)[] = [];
    for await (const chunk of stream) finishes.push(chunk.choices[0]?.finish_reason ?? null);
    expect(finishes).toContain('content_filter');
  });

  it('azure: a filtered answer is finish_reason content_filter; a filtered prompt a 400 content_policy_violation', async () => {
    const res = await client().chat.completions.create({ model: 'azure-gpt', messages: [{ role: 'user', content: 'tell [[unsafe-output]]' }] });
    expect(res.choices[0].finish_reason).toBe('content_filter');
    const err = await client().chat.completions.create({ model: 'azure-gpt', messages: [{ role: 'user', content: 'tell [[unsafe]]' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err).toMatchObject({ status: 400, code: 'content_policy_violation' });
    expect((err as Error).message).not.toContain(PROVIDER_KEY);
  });
});
