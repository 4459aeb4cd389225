import Anthropic from '@anthropic-ai/sdk';
import { start, type Simulator } from '../simulator';

/** The simulated Messages API through the official Anthropic SDK: what real clients would see. */

const KEY = 'sk-ant-sim-key-7d1e';
let sim: Simulator;

beforeAll(async () => {
  sim = await start({ apiKey: KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const client = (apiKey = KEY) => new Anthropic({ apiKey, baseURL: sim.origin, maxRetries: 0, timeout: 5000 });
const user = (content: string) => [{ role: 'user' as const, content }];
const weather = [{ name: 'get_weather', description: 'Weather of a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' }, days: { type: 'integer' } } } }];

describe('Anthropic simulator: messages', () => {
  it('answers with an echo, usage and Anthropic headers', async () => {
    const { data, response } = await client().messages.create({ model: 'claude-sim', max_tokens: 100, messages: user('hello there friend') }).withResponse();
    expect(data).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sim', content: [{ type: 'text', text: 'Echo: hello there friend' }], stop_reason: 'end_turn', stop_sequence: null });
    expect(data.usage).toMatchObject({ input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 0 });
    expect(data.id).toMatch(/^msg_/);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(response.headers.get('anthropic-ratelimit-requests-limit')).toBe('10000');
    expect(response.headers.get('anthropic-ratelimit-tokens-reset')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(sim.requests[0]).toMatchObject({ path: '/v1/messages', headers: { authorization: '[redacted]' } }); // this SDK sends the key as a bearer token
    expect(sim.requests[0].headers['anthropic-version']).toBeTruthy();
  });

  it('counts system and every turn; cuts at max_tokens and before a stop sequence', async () => {
    const long = await client().messages.create({ model: 'm', max_tokens: 2, system: 'be brief', messages: [...user('one two three'), { role: 'assistant', content: 'ok' }, ...user('four five six')] });
    expect(long).toMatchObject({ content: [{ text: 'Echo: four' }], stop_reason: 'max_tokens', usage: { input_tokens: 9, output_tokens: 2 } });
    const stopped = await client().messages.create({ model: 'm', max_tokens: 50, stop_sequences: ['STOP'], messages: user('go on STOP here') });
    expect(stopped).toMatchObject({ content: [{ text: 'Echo: go on ' }], stop_reason: 'stop_sequence', stop_sequence: 'STOP' });
  });

  it('streams every event type, and the SDK assembles the same message', async () => {
    const stream = client().messages.stream({ model: 'claude-sim', max_tokens: 100, messages: user('stream this please') });
    const types: string[] = [];
    stream.on('streamEvent', (e) => types.push(e.type));
    const message = await stream.finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Echo: stream this please' }]);
    expect(message.usage).toMatchObject({ input_tokens: 3, output_tokens: 4 });
    expect(types[0]).toBe('message_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(types).toContain('content_block_start');
    expect(types).toContain('content_block_stop');
    const raw = await fetch(`${sim.origin}/v1/messages`, { method: 'POST', headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', max_tokens: 9, stream: true, messages: user('hi') }) });
    const text = await raw.text();
    expect(text).toMatch(/^event: message_start\ndata: \{"type":"message_start"/);
    expect(text).toContain('event: ping\ndata: {"type":"ping"}\n\n');
  });

  it('uses a tool the user names, plain and streaming', async () => {
    const plain = await client().messages.create({ model: 'm', max_tokens: 100, tools: weather, messages: user('get_weather for Paris') });
    expect(plain.stop_reason).toBe('tool_use');
    expect(plain.content[0]).toEqual({ type: 'text', text: 'Calling get_weather.' });
    expect(plain.content[1]).toMatchObject({ type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: { city: 'get_weather for Paris', days: 3 } });
    const streamed = await client().messages.stream({ model: 'm', max_tokens: 100, tools: weather, messages: user('get_weather for Paris') }).finalMessage();
    expect(streamed.content).toEqual(plain.content);
    const forced = await client().messages.create({ model: 'm', max_tokens: 100, tools: weather, tool_choice: { type: 'any' }, messages: user('anything') });
    expect(forced.content).toHaveLength(1);
    expect(forced.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    const after = await client().messages.create({
      model: 'm', max_tokens: 100, tools: weather,
      messages: [...user('get_weather for Paris'), { role: 'assistant', content: plain.content }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: (plain.content[1] as { id: string }).id, content: 'sunny' }] }],
    });
    expect(after).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text', text: 'Echo: get_weather for Paris' }] });
  });

  it('counts tokens', async () => {
    await expect(client().messages.countTokens({ model: 'm', system: 'a b', messages: user('c d e') })).resolves.toEqual({ input_tokens: 5 });
  });
});

describe('Anthropic simulator: errors', () => {
  const post = (headers: Record<string, string>, body: unknown) =>
    fetch(`${sim.origin}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('authenticates by x-api-key and requires anthropic-version', async () => {
    const e = await client('wrong').messages.create({ model: 'm', max_tokens: 5, messages: user('x') }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((e as InstanceType<typeof Anthropic.APIError>).type).toBe('authentication_error');
    const res = await post({ 'x-api-key': KEY }, { model: 'm', max_tokens: 5, messages: user('x') });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });
  });

  it.each([
    [{ model: 'm', messages: user('x') }, 'max_tokens: Field required'],
    [{ max_tokens: 5, messages: user('x') }, 'model: Field required'],
    [{ model: 'm', max_tokens: 5, messages: [...user('a'), ...user('b')] }, 'roles must alternate'],
    [{ model: 'm', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }, "messages.0.role: Input should be 'user' or 'assistant'"],
  ])('400 for %j', async (body, message) => {
    const res = await post({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' }, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { type: string; message: string } };
    expect(json.error.type).toBe('invalid_request_error');
    expect(json.error.message).toContain(message);
  });

  it('429 with retry-after in the Anthropic shape', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 7 });
    const e = (await client().messages.create({ model: 'm', max_tokens: 5, messages: user('x') }).catch((err: unknown) => err)) as InstanceType<typeof Anthropic.APIError>;
    expect(e).toBeInstanceOf(Anthropic.RateLimitError);
    expect(e.type).toBe('rate_limit_error');
    expect(e.headers?.get('retry-after')).toBe('7');
    expect(e.headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
  });

  it.each([[500, 'api_error'], [529, 'overloaded_error']])('%i → %s', async (status, type) => {
    sim.faults.fail(status);
    const e = (await client().messages.create({ model: 'm', max_tokens: 5, messages: user('x') }).catch((err: unknown) => err)) as InstanceType<typeof Anthropic.APIError>;
    expect(e.status).toBe(status);
    expect(e.type).toBe(type);
  });

  it('an in-stream error event and a cut stream reach the SDK as errors', async () => {
    sim.faults.streamError(3, { message: 'Overloaded' });
    const e = await client().messages.stream({ model: 'm', max_tokens: 50, messages: user('a b c') }).finalMessage().catch((err: unknown) => err);
    expect((e as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
    sim.faults.cutStream(3);
    await expect(client().messages.stream({ model: 'm', max_tokens: 50, messages: user('a b c') }).finalMessage()).rejects.toThrow();
  });
});
