import OpenAI from 'openai';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { BEDROCK_SIM_CREDENTIALS, type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * An alias served by a Bedrock deployment, through the whole hot path over a real nats-server,
 * called with the official openai SDK. The provider is the project's Bedrock simulator, which
 * verifies every SigV4 signature; the secret key comes from the environment by reference.
 */

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

let nats: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;

const client = () => new OpenAI({ baseURL: `${gw.urls[0]}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 15_000 });
const WEATHER = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

beforeAll(async () => {
  process.env.GH_TEST_AWS_SECRET = BEDROCK_SIM_CREDENTIALS.secretAccessKey;
  nats = await startNatsServer();
  sim = await startSimulator();
  const params = `api_base: "${sim.origin}", aws_region_name: us-west-2, aws_access_key_id: ${BEDROCK_SIM_CREDENTIALS.accessKeyId}, aws_secret_access_key: os.environ/GH_TEST_AWS_SECRET`;
  const models = `
  - { model_name: claude-bedrock, litellm_params: { model: "bedrock/${MODEL}", ${params} } }
  - { model_name: claude-converse, litellm_params: { model: "bedrock/converse/${MODEL}", ${params} } }`;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models), ingressReplicas: 1, routerReplicas: 1 });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  await nats?.stop();
  delete process.env.GH_TEST_AWS_SECRET;
});

beforeEach(() => sim.reset());

describe('a Bedrock deployment through the gateway', () => {
  it('answers a plain request via a signed Converse call', async () => {
    const res = await client().chat.completions.create({
      model: 'claude-bedrock',
      messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'ping the bedrock simulator' }],
      max_tokens: 100,
    });
    expect(res.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Echo: ping the bedrock simulator' }, finish_reason: 'stop' });
    expect(res.usage).toMatchObject({ prompt_tokens: 6, completion_tokens: 5, total_tokens: 11 });
    expect(sim.requestCount('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse')).toBe(1);
    expect(sim.requests[0].body).toMatchObject({ system: [{ text: 'be brief' }], inferenceConfig: { maxTokens: 100 } });
    expect(JSON.stringify(sim.requests[0])).not.toContain(BEDROCK_SIM_CREDENTIALS.secretAccessKey);
  });

  it('streams through ConverseStream, with usage when asked', async () => {
    const stream = await client().chat.completions.create({
      model: 'claude-converse', messages: [{ role: 'user', content: 'stream me four words' }], stream: true, stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta?.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe('Echo: stream me four words');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(sim.requests[0].path).toBe('/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream');
  });

  it('calls tools and takes their results back (plain and streaming)', async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'use get_weather for Paris' }];
    const first = await client().chat.completions.create({ model: 'claude-bedrock', messages, tools: [WEATHER] });
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    const call = first.choices[0].message.tool_calls?.[0];
    expect(call).toMatchObject({ type: 'function', id: expect.stringMatching(/^tooluse_/), function: { name: 'get_weather' } });
    expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({ city: 'use get_weather for Paris' });

    const stream = await client().chat.completions.create({ model: 'claude-bedrock', messages, tools: [WEATHER], stream: true });
    let args = '';
    let name = '';
    for await (const c of stream) {
      for (const t of c.choices[0]?.delta?.tool_calls ?? []) {
        name += t.function?.name ?? '';
        args += t.function?.arguments ?? '';
      }
    }
    expect(name).toBe('get_weather');
    expect(args).toBe((call as { function: { arguments: string } }).function.arguments);

    const second = await client().chat.completions.create({
      model: 'claude-bedrock',
      messages: [...messages, first.choices[0].message, { role: 'tool', tool_call_id: call!.id, content: 'sunny, 24C' }],
      tools: [WEATHER],
    });
    expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Echo: use get_weather for Paris' } });
    const sent = sim.requests.at(-1)?.body as { messages: { role: string; content: unknown[] }[] };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent.messages[2].content).toEqual([{ toolResult: { toolUseId: call!.id, content: [{ text: 'sunny, 24C' }] } }]);
  });

  it('a throttled first attempt is retried and the client sees a success', async () => {
    sim.faults.rateLimit(1);
    const res = await client().chat.completions.create({ model: 'claude-bedrock', messages: [{ role: 'user', content: 'after a throttle' }] });
    expect(res.choices[0].message.content).toBe('Echo: after a throttle');
  });
});
