import { start, type Simulator } from './simulator';
import { readJson, type SimCompletion, type SimEmbeddingList, type SimErrorBody, type SimModelList } from './wire-types';

const KEY = 'sk-sim-test-key-123456';
let sim: Simulator;

beforeAll(async () => {
  sim = await start({ apiKey: KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const chat = (extra: object = {}) => ({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello big world' }], ...extra });

/** The `data:` payloads of an SSE body, in order. */
function sseData(text: string): string[] {
  return text.split('\n\n').filter(Boolean).map((block) => block.split('\n').find((l) => l.startsWith('data: '))!.slice(6));
}

describe('simulator: OpenAI API', () => {
  it('binds 127.0.0.1 on a free port and exposes the /v1 base', () => {
    expect(sim.port).toBeGreaterThan(0);
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/v1`);
  });

  it('answers a chat completion deterministically, with OpenAI headers', async () => {
    const res = await post('/chat/completions', chat());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(Number(res.headers.get('openai-processing-ms'))).toBeGreaterThanOrEqual(0);
    expect(res.headers.get('x-ratelimit-limit-requests')).toBe('10000');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('9999');
    expect(res.headers.get('x-ratelimit-limit-tokens')).toBe('10000000');
    expect(res.headers.get('x-ratelimit-remaining-tokens')).toBe(String(10_000_000 - 9));
    expect(res.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(\.\d+)?m?s$/);
    expect(res.headers.get('x-ratelimit-reset-tokens')).toMatch(/^\d+(\.\d+)?m?s$/);
    const body = await readJson<SimCompletion>(res);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Echo: hello big world' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
    });
    expect(body.id).toMatch(/^chatcmpl-/);
    const again = await readJson<SimCompletion>(await post('/chat/completions', chat()));
    expect(again.choices).toEqual(body.choices);
    expect(again.id).not.toBe(body.id);
  });

  it('streams SSE: role delta, content deltas, finish chunk, usage chunk, [DONE]', async () => {
    const res = await post('/chat/completions', chat({ stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const data = sseData(text);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Echo: hello big world');
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 4 } });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('lists models and embeds deterministically (float and base64)', async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const models = await readJson<SimModelList>(await fetch(`${sim.url}/models`, { headers: auth }));
    expect(models.object).toBe('list');
    expect(models.data.map((m) => m.id)).toContain('gpt-4o-mini');
    expect((await readJson<{ id: string }>(await fetch(`${sim.url}/models/my-model`, { headers: auth }))).id).toBe('my-model');

    const a = await readJson<SimEmbeddingList>(await post('/embeddings', { model: 'text-embedding-3-small', input: ['one two', 'three'], dimensions: 8 }));
    expect(a.data).toHaveLength(2);
    expect(a.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    const v: number[] = a.data[0].embedding;
    expect(v).toHaveLength(8);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    const b = await readJson<SimEmbeddingList<string>>(await post('/embeddings', { model: 'text-embedding-3-small', input: 'one two', dimensions: 8, encoding_format: 'base64' }));
    const decoded = Array.from(new Float32Array(new Uint8Array(Buffer.from(b.data[0].embedding, 'base64')).buffer));
    expect(decoded).toEqual(v);
    expect((await readJson<SimEmbeddingList>(await post('/embeddings', { model: 'x', input: 'hi' }))).data[0].embedding).toHaveLength(1536);
  });

  it.each([
    ['no key', '/chat/completions', chat(), { authorization: '' }, 401, { param: null, type: 'invalid_request_error' }],
    ['a wrong key', '/chat/completions', chat(), { authorization: 'Bearer sk-wrong' }, 401, { code: 'invalid_api_key' }],
    ['malformed JSON', '/chat/completions', '{"model":', {}, 400, { type: 'invalid_request_error' }],
    ['missing messages', '/chat/completions', { model: 'm' }, {}, 400, { param: 'messages', code: 'missing_required_parameter' }],
    ['empty messages', '/chat/completions', { model: 'm', messages: [] }, {}, 400, { param: 'messages', code: 'empty_array' }],
    ['missing model', '/chat/completions', { messages: [{ role: 'user', content: 'x' }] }, {}, 400, { message: 'you must provide a model parameter' }],
    ['missing embeddings input', '/embeddings', { model: 'm' }, {}, 400, { param: 'input' }],
    ['an unknown route', '/nope', {}, {}, 404, { message: 'Invalid URL (POST /v1/nope)' }],
  ])('answers %s with an OpenAI error', async (_name, path, body, headers, status, error) => {
    const res = await post(path, body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const json = await readJson<SimErrorBody>(res);
    expect(Object.keys(json.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(json.error).toMatchObject(error);
  });

  it('serves only the configured models when given a list', async () => {
    const strict = await start({ models: ['only-this'] });
    try {
      const res = await fetch(`${strict.url}/chat/completions`, { method: 'POST', body: JSON.stringify(chat()) });
      expect(res.status).toBe(404);
      expect((await readJson<SimErrorBody>(res)).error.code).toBe('model_not_found');
      expect((await readJson<SimModelList>(await fetch(`${strict.url}/models`))).data.map((m) => m.id)).toEqual(['only-this']);
    } finally {
      await strict.close();
    }
  });

  it('records what reached it, with credentials redacted, and counts per path', async () => {
    await post('/chat/completions', chat({ metadata: { a: 1 } }));
    await post('/chat/completions', '{bad');
    await fetch(`${sim.url}/models?limit=1`, { headers: { authorization: `Bearer ${KEY}`, 'x-api-key': KEY } });
    expect(sim.requestCount()).toBe(3);
    expect(sim.requestCount('/v1/chat/completions')).toBe(2);
    expect(sim.requests.map((r) => [r.seq, r.method, r.path])).toEqual([[1, 'POST', '/v1/chat/completions'], [2, 'POST', '/v1/chat/completions'], [3, 'GET', '/v1/models']]);
    expect(sim.requests[0].body).toMatchObject({ model: 'gpt-4o-mini', metadata: { a: 1 } });
    expect(sim.requests[1].body).toBeNull();
    expect(sim.requests[0].headers.authorization).toBe('[redacted]');
    expect(sim.requests[2].headers['x-api-key']).toBe('[redacted]');
    expect(JSON.stringify(sim.requests)).not.toContain(KEY);
  });

  it('keeps only the last recordLimit requests but counts all', async () => {
    const small = await start({ recordLimit: 4 });
    try {
      for (let i = 0; i < 9; i++) await fetch(`${small.url}/models`);
      expect(small.requestCount()).toBe(9);
      expect(small.requests.length).toBeLessThanOrEqual(4);
      expect(small.requests.at(-1)?.seq).toBe(9);
    } finally {
      await small.close();
    }
  });
});
