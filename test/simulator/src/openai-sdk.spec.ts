import OpenAI from 'openai';
import { start, type Simulator } from './simulator';

/** The official SDK is the strictest client of the wire format: if it parses us, clients will. */
let sim: Simulator;
let client: OpenAI;

beforeAll(async () => {
  sim = await start({ apiKey: 'sk-sdk-test-0000000000' });
  client = new OpenAI({ baseURL: sim.url, apiKey: 'sk-sdk-test-0000000000', maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const messages = [{ role: 'user' as const, content: 'ping from the sdk' }];

describe('simulator through the official openai SDK', () => {
  it('plain completion', async () => {
    const res = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(res.choices[0].message.content).toBe('Echo: ping from the sdk');
    expect(res.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(sim.requests[0].headers['user-agent']).toMatch(/OpenAI/);
  });

  it('raw response carries the request id header', async () => {
    const { response, data } = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(data.object).toBe('chat.completion');
  });

  it('stream with usage', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Echo: ping from the sdk');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5 });
  });

  it('streamed tool call, assembled by the SDK helper', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }];
    const runner = client.chat.completions.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'please lookup cats' }], tools });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('lookup');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ q: 'please lookup cats' });
    expect(final.choices[0].finish_reason).toBe('tool_calls');
  });

  it('embeddings (the SDK asks for base64 and decodes it) and models', async () => {
    const res = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4 });
    expect(res.data[0].embedding).toHaveLength(4);
    expect(sim.requests[0].body).toMatchObject({ encoding_format: 'base64' });
    const models = [];
    for await (const m of client.models.list()) models.push(m.id);
    expect(models).toContain('gpt-4o-mini');
  });

  it('errors surface as the SDK error classes', async () => {
    sim.faults.rateLimit(1, { retryAfterS: 2 });
    const limited = await client.chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');

    const bad = new OpenAI({ baseURL: sim.url, apiKey: 'sk-wrong-key-0000', maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: 'gpt-4o-mini', messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('an error event inside the stream throws from the SDK iterator', async () => {
    sim.faults.streamError(2, { message: 'boom mid-stream' });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow(/boom mid-stream/);
    expect(seen).toHaveLength(2);
  });
});
