import OpenAI from 'openai';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { readStream } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { type Simulator, start as startSimulator } from '@gatehouse/simulator';
import { type InProcessGateway, startInProcessGateway, TEST_KEY, testConfig } from '../support/in-process-gateway';

/**
 * The endpoints beside chat — /v1/embeddings, /v1/completions (legacy), /v1/responses — through
 * the whole in-process gateway with the official openai SDK, plus LiteLLM's drop_params both ways
 * (a second gateway, on its own nats-server, runs with `drop_params: true`).
 */
const SIM_KEY = 'sk-sim-provider-secret-endpoints-42';

let nats: NatsServerHandle;
let natsDrop: NatsServerHandle;
let sim: Simulator;
let gw: InProcessGateway;
let gwDrop: InProcessGateway;
let nc: NatsConnection;

const client = (url = gw.urls[0]) => new OpenAI({ baseURL: `${url}/v1`, apiKey: TEST_KEY, maxRetries: 0, timeout: 15_000 });

async function eventFor(requestId: string): Promise<Record<string, unknown>> {
  return waitFor(async () => {
    for await (const e of readStream(nc, 'GH_REQUEST', { from: { first: true } })) {
      const data = e.data as Record<string, unknown>;
      if (data.request_id === requestId) return { ...data, subject: e.subject };
    }
    return undefined;
  }, `event of ${requestId}`);
}

beforeAll(async () => {
  process.env.GH_TEST_SIM_KEY = SIM_KEY;
  [nats, natsDrop] = await Promise.all([startNatsServer(), startNatsServer()]);
  sim = await startSimulator({ apiKey: SIM_KEY });
  const models = `
  - { model_name: mock-model, litellm_params: { model: mock/mock-model, input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 } }
  - { model_name: mock-embed, litellm_params: { model: mock/mock-embed, input_cost_per_token: 0.0000001 } }
  - { model_name: sim-model, litellm_params: { model: openai/sim-model, api_base: "${sim.url}", api_key: os.environ/GH_TEST_SIM_KEY } }
  - { model_name: sim-embed, litellm_params: { model: openai/text-embedding-3-small, api_base: "${sim.url}", api_key: os.environ/GH_TEST_SIM_KEY, input_cost_per_token: 0.00000002 } }`;
  gw = await startInProcessGateway({ natsUrl: nats.url, configYaml: testConfig(models), ingressReplicas: 1, routerReplicas: 1 });
  gwDrop = await startInProcessGateway({
    natsUrl: natsDrop.url,
    configYaml: testConfig(models, 'litellm_settings:\n  drop_params: true\n'),
    ingressReplicas: 1,
    routerReplicas: 1,
  });
  nc = await connect({ servers: nats.url });
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await gw?.close();
  await gwDrop?.close();
  await sim?.close();
  await Promise.all([nats?.stop(), natsDrop?.stop()]);
});

beforeEach(() => sim.reset());

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('POST /v1/embeddings', () => {
  it.each(['mock-embed', 'sim-embed'])('%s: floats, and base64 (the SDK default, decoded by the SDK) agree', async (model) => {
    const { data: floats, response } = await client().embeddings.create({ model, input: ['hello world', 'other'], dimensions: 8, encoding_format: 'float' }).withResponse();
    expect(floats.data).toHaveLength(2);
    expect(floats.data[0].embedding).toHaveLength(8);
    expect(norm(floats.data[0].embedding)).toBeCloseTo(1, 5);
    expect(floats.usage.prompt_tokens).toBe(3);
    const b64 = await client().embeddings.create({ model, input: ['hello world', 'other'], dimensions: 8 });
    b64.data[0].embedding.forEach((x, i) => expect(x).toBeCloseTo(floats.data[0].embedding[i], 6));
    const event = await eventFor(response.headers.get('x-request-id')!);
    expect(event).toMatchObject({ subject: 'gh.evt.request.completed.v1', endpoint: '/v1/embeddings', model, http_status: 200, usage: { prompt_tokens: 3, completion_tokens: 0 } });
    expect((event.cost as { usd: number }).usd).toBeGreaterThan(0);
  });

  it('returns raw base64 little-endian float32 to clients that ask for it', async () => {
    const res = await fetch(`${gw.urls[0]}/v1/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sim-embed', input: 'hello', dimensions: 4, encoding_format: 'base64' }),
    });
    const body = (await res.json()) as { data: { embedding: string }[] };
    expect(Buffer.from(body.data[0].embedding, 'base64')).toHaveLength(16);
    expect(sim.requests.at(-1)?.body).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'base64' });
  });

  it('retries a 429 on the provider and fails in the OpenAI shape with a request.failed event', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 0 });
    expect((await client().embeddings.create({ model: 'sim-embed', input: 'x' })).data).toHaveLength(1);
    const err = (await client().embeddings.create({ model: 'nope', input: 'x' }).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err.status).toBe(404);
    const event = await eventFor(err.headers!.get('x-request-id')!);
    expect(event).toMatchObject({ subject: 'gh.evt.request.failed.v1', endpoint: '/v1/embeddings', http_status: 404 });
  });
});

describe('POST /v1/completions (legacy)', () => {
  it('answers a text_completion and records its event', async () => {
    const { data, response } = await client().completions.create({ model: 'mock-model', prompt: 'Say this is a test', max_tokens: 50 }).withResponse();
    expect(data.object).toBe('text_completion');
    expect(data.choices[0].text).toContain('Say this is a test');
    expect(data.choices[0].finish_reason).toBe('stop');
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(await eventFor(response.headers.get('x-request-id')!)).toMatchObject({ endpoint: '/v1/completions', http_status: 200 });
  });

  it('streams text_completion chunks that add up to the whole answer', async () => {
    const whole = await client().completions.create({ model: 'sim-model', prompt: 'stream this please' });
    const { data: stream, response } = await client().completions.create({ model: 'sim-model', prompt: 'stream this please', stream: true }).withResponse();
    let text = '';
    let finish: string | null = null;
    for await (const c of stream) {
      expect(c.object).toBe('text_completion');
      text += c.choices[0]?.text ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(whole.choices[0].text);
    expect(finish).toBe('stop');
    expect(await eventFor(response.headers.get('x-request-id')!)).toMatchObject({ endpoint: '/v1/completions', stream: true });
  });
});

describe('POST /v1/responses', () => {
  it('answers a response with output_text and usage, and records its event', async () => {
    const { data, response } = await client().responses.create({ model: 'mock-model', instructions: 'Be brief.', input: 'hello responses', store: true }).withResponse();
    expect(data).toMatchObject({ object: 'response', status: 'completed', store: false });
    expect(data.output_text).toContain('hello responses');
    expect(data.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: expect.any(Number) });
    expect(data.usage!.total_tokens).toBe(data.usage!.input_tokens + data.usage!.output_tokens);
    expect(await eventFor(response.headers.get('x-request-id')!)).toMatchObject({ endpoint: '/v1/responses', http_status: 200 });
  });

  it('streams the Responses event sequence, which the SDK helper accumulates', async () => {
    const stream = client().responses.stream({ model: 'sim-model', input: 'stream a response' });
    const types: string[] = [];
    let deltas = '';
    for await (const e of stream) {
      types.push(e.type);
      if (e.type === 'response.output_text.delta') deltas += e.delta;
    }
    const final = await stream.finalResponse();
    expect(types[0]).toBe('response.created');
    expect(types).toEqual(expect.arrayContaining(['response.output_item.added', 'response.content_part.added', 'response.output_text.done', 'response.output_item.done']));
    expect(types.at(-1)).toBe('response.completed');
    // finalResponse() has no output_text convenience when nothing is parsed (the SDK's own behaviour).
    const message = final.output.find((o) => o.type === 'message') as OpenAI.Responses.ResponseOutputMessage;
    expect((message.content[0] as OpenAI.Responses.ResponseOutputText).text).toBe(deltas);
    expect(deltas).toBe('Echo: stream a response');
    expect(final.usage?.output_tokens).toBeGreaterThan(0);
  });

  it('round-trips a function tool call', async () => {
    const tools = [{ type: 'function' as const, name: 'get_weather', description: 'Weather in a city', strict: false, parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    const first = await client().responses.create({ model: 'sim-model', tools, input: 'call get_weather for Paris' });
    const call = first.output.find((o) => o.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', call_id: expect.any(String) });
    const args = JSON.parse((call as { arguments: string }).arguments) as { city: string };
    expect(args.city).toContain('Paris');
    const second = await client().responses.create({
      model: 'sim-model',
      tools,
      input: [
        { role: 'user', content: 'call get_weather for Paris' },
        call as OpenAI.Responses.ResponseFunctionToolCall,
        { type: 'function_call_output', call_id: (call as { call_id: string }).call_id, output: '18 degrees' },
      ],
    });
    expect(second.status).toBe('completed');
    const sent = sim.requests.at(-1)?.body as { messages: { role: string; tool_call_id?: string; tool_calls?: unknown[] }[] };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sent.messages[2].tool_call_id).toBe((call as { call_id: string }).call_id);
  });

  it('streams a function call as argument deltas', async () => {
    const tools = [{ type: 'function' as const, name: 'lookup', strict: false, parameters: { type: 'object', properties: { q: { type: 'string' } } } }];
    const stream = await client().responses.create({ model: 'sim-model', tools, tool_choice: { type: 'function', name: 'lookup' }, input: 'find cats', stream: true });
    const seen: string[] = [];
    let completed: OpenAI.Responses.Response | null = null;
    for await (const e of stream) {
      seen.push(e.type);
      if (e.type === 'response.completed') completed = e.response;
    }
    expect(seen).toEqual(expect.arrayContaining(['response.function_call_arguments.delta', 'response.function_call_arguments.done']));
    expect(completed?.output[0]).toMatchObject({ type: 'function_call', name: 'lookup', status: 'completed' });
  });
});

describe('drop_params', () => {
  it('off (default): 400 naming the parameter the provider cannot honour', async () => {
    const err = (await client().chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'x' }], n: 2 }).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err.status).toBe(400);
    expect((err.error as { param?: string }).param).toBe('n');
    expect(err.message).toContain('drop_params');
    const event = await eventFor(err.headers!.get('x-request-id')!);
    expect(event).toMatchObject({ subject: 'gh.evt.request.failed.v1', http_status: 400 });
  });

  it('on: dropped, named in x-gatehouse-dropped-params, plain and streaming', async () => {
    const c = client(gwDrop.urls[0]);
    const { data, response } = await c.chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'x' }], n: 2, logprobs: true }).withResponse();
    expect(data.choices).toHaveLength(1);
    expect(response.headers.get('x-gatehouse-dropped-params')).toBe('n,logprobs');
    const streamed = await c.completions.create({ model: 'mock-model', prompt: 'x', logprobs: 1, stream: true }).withResponse();
    for await (const _ of streamed.data) void _;
    expect(streamed.response.headers.get('x-gatehouse-dropped-params')).toBe('logprobs,top_logprobs');
  });
});
