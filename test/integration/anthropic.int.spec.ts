import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * Anthropic on both sides of the gateway, over a real nats-server: the official Anthropic SDK
 * calling `/v1/messages` served by an OpenAI-protocol backend and by an Anthropic backend, and
 * the official openai SDK calling an alias served by the Anthropic backend. Both backends are
 * the project's simulator (one server: `/v1/chat/completions` and `/v1/messages`).
 */
const SIM_KEY = 'sk-sim-provider-secret-anthropic-0042';

let nats: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;

const claude = (apiKey = TEST_KEY) => new Anthropic({ apiKey, baseURL: gw.urls[0], maxRetries: 0, timeout: 15_000 });
const openai = () => new OpenAI({ baseURL: `${gw.urls[1]}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 15_000 });
const user = (content: string) => [{ role: 'user' as const, content }];
const weather = [{ name: 'get_weather', description: 'Weather of a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } }];
const weatherFn = [{ type: 'function' as const, function: { name: 'get_weather', description: 'Weather of a city', parameters: weather[0].input_schema } }];

beforeAll(async () => {
  process.env.GH_TEST_ANTHROPIC_SIM_KEY = SIM_KEY;
  nats = await startNatsServer();
  sim = await startSimulator({ apiKey: SIM_KEY });
  const key = 'api_key: os.environ/GH_TEST_ANTHROPIC_SIM_KEY';
  const models = `
  - { model_name: via-openai, litellm_params: { model: openai/sim-model, api_base: "${sim.url}", ${key} } }
  - { model_name: claude-native, litellm_params: { model: anthropic/claude-sim, api_base: "${sim.url}", ${key} } }
  - { model_name: claude-failover, litellm_params: { model: anthropic/claude-a, api_base: "${sim.origin}", ${key}, order: 1 } }
  - { model_name: claude-failover, litellm_params: { model: anthropic/claude-b, api_base: "${sim.origin}", ${key}, order: 2 } }`;
  const aliases = 'router_settings:\n  model_group_alias: { my-claude: claude-native }\n';
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models, '') + aliases });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  await nats?.stop();
});

beforeEach(() => sim.reset());

describe.each([
  ['an OpenAI-protocol backend', 'via-openai', '/v1/chat/completions'],
  ['an Anthropic backend', 'claude-native', '/v1/messages'],
])('the Anthropic SDK on /v1/messages, served by %s', (_name, model, upstreamPath) => {
  it('answers a plain request', async () => {
    const { data, response } = await claude().messages.create({ model, max_tokens: 100, system: 'be terse', messages: user('hello from claude sdk') }).withResponse();
    expect(data).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'end_turn', content: [{ type: 'text', text: 'Echo: hello from claude sdk' }] });
    expect(data.id).toMatch(/^msg_/);
    expect(data.usage).toMatchObject({ input_tokens: 6, output_tokens: 5 });
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(sim.requestCount(upstreamPath)).toBe(1);
  });

  it('streams, and the SDK assembles the same message', async () => {
    const stream = claude().messages.stream({ model, max_tokens: 100, messages: user('stream me something') });
    const types: string[] = [];
    stream.on('streamEvent', (e) => types.push(e.type));
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Echo: stream me something' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 3, output_tokens: 4 });
    expect(types[0]).toBe('message_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
  });

  it('cuts at max_tokens with stop_reason max_tokens', async () => {
    const res = await claude().messages.create({ model, max_tokens: 2, messages: user('one two three four') });
    expect(res).toMatchObject({ stop_reason: 'max_tokens', content: [{ text: 'Echo: one' }] });
  });

  it('uses tools, plain and streaming, and takes the tool result back', async () => {
    const plain = await claude().messages.create({ model, max_tokens: 100, tools: weather, messages: user('get_weather in Paris') });
    expect(plain.stop_reason).toBe('tool_use');
    const use = plain.content.find((b) => b.type === 'tool_use');
    expect(use).toMatchObject({ name: 'get_weather', input: { city: 'get_weather in Paris' } });
    const streamed = await claude().messages.stream({ model, max_tokens: 100, tools: weather, messages: user('get_weather in Paris') }).finalMessage();
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'get_weather in Paris' } });
    const after = await claude().messages.create({
      model, max_tokens: 100, tools: weather,
      messages: [...user('get_weather in Paris'), { role: 'assistant', content: plain.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: (use as { id: string }).id, content: 'sunny, 21°C' }] }],
    });
    expect(after).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text', text: 'Echo: get_weather in Paris' }] });
  });
});

describe('the openai SDK on an alias served by the Anthropic backend', () => {
  it('plain', async () => {
    const res = await openai().chat.completions.create({ model: 'my-claude', messages: [{ role: 'system', content: 'be terse' }, { role: 'user', content: 'hi from openai' }] });
    expect(res.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Echo: hi from openai' }, finish_reason: 'stop' });
    expect(res.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9, prompt_tokens_details: { cached_tokens: 0 } });
    const sent = sim.requests[0];
    expect(sent.path).toBe('/v1/messages');
    expect(sent.body).toMatchObject({ model: 'claude-sim', system: 'be terse', max_tokens: 4096, messages: [{ role: 'user', content: 'hi from openai' }] });
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers['x-api-key']).toBe('[redacted]');
  });

  it('streaming with usage', async () => {
    const stream = await openai().chat.completions.create({ model: 'my-claude', messages: user('stream from claude'), stream: true, stream_options: { include_usage: true } });
    let text = '';
    let finish: string | null = null;
    let usage: unknown = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe('Echo: stream from claude');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4 });
  });

  it('tools, plain and streaming', async () => {
    const messages = user('please get_weather for Oslo');
    const plain = await openai().chat.completions.create({ model: 'my-claude', messages, tools: weatherFn });
    expect(plain.choices[0].finish_reason).toBe('tool_calls');
    const call = plain.choices[0].message.tool_calls![0] as { id: string; function: { name: string; arguments: string } };
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'please get_weather for Oslo' });
    const stream = await openai().chat.completions.create({ model: 'my-claude', messages, tools: weatherFn, stream: true });
    const args: string[] = [];
    let name = '';
    for await (const c of stream) {
      for (const t of c.choices[0]?.delta?.tool_calls ?? []) {
        if (t.function?.name) name = t.function.name;
        args[t.index] = (args[t.index] ?? '') + (t.function?.arguments ?? '');
      }
    }
    expect(name).toBe('get_weather');
    expect(JSON.parse(args[0])).toEqual({ city: 'please get_weather for Oslo' });
    const after = await openai().chat.completions.create({
      model: 'my-claude', tools: weatherFn,
      messages: [...messages, plain.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'cold' }],
    });
    expect(after.choices[0].message.content).toBe('Echo: please get_weather for Oslo');
  });
});

describe('Anthropic upstream failures', () => {
  it('retries a 429 (with retry-after) and the client sees a success', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 0, model: 'claude-sim' });
    const res = await claude().messages.create({ model: 'claude-native', max_tokens: 50, messages: user('after a 429') });
    expect(res.content).toEqual([{ type: 'text', text: 'Echo: after a 429' }]);
    expect(sim.requestCount('/v1/messages')).toBe(2);
  });

  it('fails over to the next deployment when one keeps answering 429', async () => {
    sim.faults.rateLimit(10, { retryAfterS: 0, model: 'claude-a' });
    const res = await openai().chat.completions.create({ model: 'claude-failover', messages: user('fail over please') });
    expect(res.model).toBe('claude-b');
    expect(res.choices[0].message.content).toBe('Echo: fail over please');
  });

  it('a 529 that outlasts the retries reaches an Anthropic client as overloaded_error', async () => {
    sim.faults.fail(529, 10, { model: 'claude-sim' });
    const err = (await claude().messages.create({ model: 'claude-native', max_tokens: 50, messages: user('x') }).catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(err.status).toBe(529);
    expect(err.type).toBe('overloaded_error');
  });

  it('a stream cut after it started ends with an in-stream error event', async () => {
    sim.faults.cutStream(6, { model: 'claude-sim' });
    const err = await claude().messages.stream({ model: 'claude-native', max_tokens: 50, messages: user('a b c d e f g') }).finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect((err as InstanceType<typeof Anthropic.APIError>).type).toBe('api_error');
  });
});

describe('errors in the Anthropic shape on /v1/messages', () => {
  const post = (body: string, headers: Record<string, string> = { 'x-api-key': TEST_KEY }) =>
    fetch(`${gw.urls[0]}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers }, body });

  it.each([
    [{ model: 'claude-native', messages: user('x') }, 'max_tokens: Field required'],
    [{ model: 'claude-native', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }, 'messages.0.role'],
    [{ model: 'claude-native', max_tokens: 5, messages: [] }, 'messages: at least one message is required'],
    [{ model: 'claude-native', max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'document', source: {} }] }] }, 'messages.0.content.0: document is not supported'],
  ])('400 invalid_request_error for %j', async (body, message) => {
    const res = await post(JSON.stringify(body));
    expect(res.status).toBe(400);
    const json = (await res.json()) as { type: string; error: { type: string; message: string } };
    expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(json.error.message).toContain(message);
  });

  it('400 in the Anthropic shape for a body that is not JSON (failed by Fastify before the route)', async () => {
    const res = await post('{"model": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('the SDK raises typed errors: 401, 404', async () => {
    await expect(claude('sk-gh-not-a-key').messages.create({ model: 'claude-native', max_tokens: 5, messages: user('x') })).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    const missing = (await claude().messages.create({ model: 'no-such-model', max_tokens: 5, messages: user('x') }).catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
    expect(missing.type).toBe('not_found_error');
  });

  it('authenticates with x-api-key as well as a bearer key', async () => {
    const res = await post(JSON.stringify({ model: 'claude-native', max_tokens: 20, messages: user('by x-api-key') }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ content: [{ text: 'Echo: by x-api-key' }] });
  });
});

describe('POST /v1/messages/count_tokens', () => {
  it('estimates input tokens with the SDK', async () => {
    const res = await claude().messages.countTokens({ model: 'claude-native', system: 'You are terse.', messages: user('How many tokens is this?') });
    expect(res.input_tokens).toBeGreaterThan(8);
    expect(res.input_tokens).toBeLessThan(30);
    expect(sim.requestCount()).toBe(0); // estimated by the gateway, not asked upstream
  });

  it('answers errors in the Anthropic shape', async () => {
    const err = (await claude().messages.countTokens({ model: 'no-such-model', messages: user('x') }).catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(err.status).toBe(404);
    expect(err.type).toBe('not_found_error');
  });
});
