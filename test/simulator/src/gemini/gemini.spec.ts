import { start, type Simulator } from '../simulator';

/** The simulator's Gemini wire, read raw: framing, error bodies and validation as Google sends them. */

const KEY = 'AIzaSy-sim-wire-key';
let sim: Simulator;
beforeAll(async () => {
  sim = await start({ apiKey: KEY });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const studio = (method: string, query = '') => `${sim.origin}/v1beta/models/gemini-2.0-flash:${method}${query}`;
const post = (url: string, body: unknown, headers: Record<string, string> = { 'x-goog-api-key': KEY }) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const hello = { contents: [{ role: 'user', parts: [{ text: 'hi there' }] }] };

describe('simulated Gemini API', () => {
  it('alt=sse: data events framed with CRLF, the last with finishReason and full usage', async () => {
    const res = await post(studio('streamGenerateContent', '?alt=sse'), hello);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const raw = await res.text();
    const events = raw.split('\r\n\r\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    const last = JSON.parse(events.at(-1)!.slice(6));
    expect(last).toMatchObject({ candidates: [{ finishReason: 'STOP' }], usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 3, totalTokenCount: 5 }, modelVersion: 'gemini-2.0-flash' });
  });

  it('without alt=sse the stream is one JSON array', async () => {
    const body = (await (await post(studio('streamGenerateContent'), hello)).json()) as unknown[];
    expect(body.length).toBe(3);
  });

  it('?key= works like the header', async () => {
    expect((await post(studio('generateContent', `?key=${KEY}`), hello, {})).status).toBe(200);
  });

  it.each([
    ['no key', {}, hello, 403, 'PERMISSION_DENIED'],
    ['a wrong key', { 'x-goog-api-key': 'nope' }, hello, 400, 'INVALID_ARGUMENT'],
    ['OpenAI fields', { 'x-goog-api-key': KEY }, { messages: [] }, 400, 'INVALID_ARGUMENT'],
    ['JSON-schema keys in parameters', { 'x-goog-api-key': KEY }, { ...hello, tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'object', additionalProperties: false } }] }] }, 400, 'INVALID_ARGUMENT'],
    ['a bad role', { 'x-goog-api-key': KEY }, { contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }, 400, 'INVALID_ARGUMENT'],
    ['unanswered function calls', { 'x-goog-api-key': KEY }, { contents: [{ role: 'model', parts: [{ functionCall: { name: 'f', args: {} } }] }, { role: 'user', parts: [{ text: 'x' }] }] }, 400, 'INVALID_ARGUMENT'],
  ])('%s → %i %s', async (_name, headers, body, status, googleStatus) => {
    const res = await post(studio('generateContent'), body, headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code: status, status: googleStatus, message: expect.any(String) } });
  });

  it('the Vertex URL shape wants a bearer and answers 401 UNAUTHENTICATED without one', async () => {
    const url = `${sim.origin}/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.0-flash:generateContent`;
    expect((await post(url, hello, {})).status).toBe(401);
    const ok = (await (await post(url, hello, { authorization: `Bearer ${KEY}` })).json()) as { createTime?: string };
    expect(ok.createTime).toEqual(expect.any(String));
  });

  it('an unknown method → 404', async () => {
    expect((await post(studio('countTokens'), hello)).status).toBe(404);
  });
});
