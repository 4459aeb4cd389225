import { start, type Simulator } from './simulator';
import { readJson, type SimErrorBody } from './wire-types';

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const body = (model = 'gpt-4o-mini', extra: object = {}) => JSON.stringify({ model, messages: [{ role: 'user', content: 'one two three' }], ...extra });
const chat = (model?: string, extra?: object, signal?: AbortSignal) => fetch(`${sim.url}/chat/completions`, { method: 'POST', body: body(model, extra), signal });
const stream = (model?: string) => chat(model, { stream: true });

describe('simulator faults', () => {
  it('answers the next N requests 429 with retry-after and exhausted rate-limit headers', async () => {
    sim.faults.rateLimit(2, { retryAfterS: 7 });
    for (let i = 0; i < 2; i++) {
      const res = await chat();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('0');
      expect(res.headers.get('x-ratelimit-reset-requests')).toBe('7s');
      expect((await readJson<SimErrorBody>(res)).error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    }
    expect((await chat()).status).toBe(200);
    expect(sim.requestCount()).toBe(3);
  });

  it.each([500, 502, 503])('answers the next requests %i with a server_error body', async (status) => {
    sim.faults.fail(status, 1);
    const res = await chat();
    expect(res.status).toBe(status);
    expect((await readJson<SimErrorBody>(res)).error.type).toBe('server_error');
    expect((await chat()).status).toBe(200);
  });

  it('targets a model: other models are served normally', async () => {
    sim.faults.fail(503, 1, { model: 'bad-model', message: 'custom outage' });
    expect((await chat('good-model')).status).toBe(200);
    const res = await chat('bad-model');
    expect(res.status).toBe(503);
    expect((await readJson<SimErrorBody>(res)).error.message).toBe('custom outage');
    expect(sim.faults.pending()).toEqual([]);
  });

  it('hangs: no answer until the client gives up', async () => {
    sim.faults.hang(1);
    const started = Date.now();
    await expect(chat(undefined, undefined, AbortSignal.timeout(150))).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sim.requestCount()).toBe(1);
    expect((await chat()).status).toBe(200);
  });

  it('cuts a stream after K chunks: the socket closes without [DONE]', async () => {
    sim.faults.cutStream(2);
    const res = await stream();
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = '';
    const read = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += Buffer.from(value).toString();
      }
    })();
    await expect(read).rejects.toThrow();
    expect(received.match(/^data: /gm)).toHaveLength(2);
    expect(received).not.toContain('[DONE]');
  });

  it.each(['event', 'data'] as const)('sends an error inside a 200 stream (%s style) and no [DONE]', async (as) => {
    sim.faults.streamError(1, { as, message: 'overloaded mid-stream' });
    const res = await stream();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('[DONE]');
    const blocks = text.split('\n\n').filter(Boolean);
    expect(blocks).toHaveLength(2);
    expect(blocks[1].startsWith(as === 'event' ? 'event: error\ndata: ' : 'data: ')).toBe(true);
    expect(JSON.parse(blocks[1].slice(blocks[1].indexOf('{'))).error).toMatchObject({ message: 'overloaded mid-stream', type: 'server_error' });
  });

  it('stream faults skip plain requests and wait for a stream', async () => {
    sim.faults.cutStream(0);
    expect((await chat()).status).toBe(200);
    expect(sim.faults.pending()).toHaveLength(1);
    await expect((await stream()).text()).rejects.toThrow();
  });

  it('delays headers and each chunk by the configured latency', async () => {
    sim.faults.latency({ firstByteMs: 80, perChunkMs: 40 });
    const started = Date.now();
    const res = await stream();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    const reader = res.body!.getReader();
    const arrivals: number[] = [];
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      arrivals.push(Date.now());
    }
    // 7 events (role, 4 words, finish, [DONE]) spaced by 40 ms: the body takes at least 6 gaps.
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    expect(arrivals.at(-1)! - started).toBeGreaterThanOrEqual(80 + 6 * 40 - 15);
  });

  it('latency can target one model', async () => {
    sim.faults.latency({ firstByteMs: 200, model: 'slow' });
    const t0 = Date.now();
    await chat('fast');
    expect(Date.now() - t0).toBeLessThan(150);
    const t1 = Date.now();
    await chat('slow');
    expect(Date.now() - t1).toBeGreaterThanOrEqual(190);
  });

  it('refuses connections until accepted again on the same port', async () => {
    const port = sim.port;
    await sim.refuseConnections();
    await expect(chat()).rejects.toThrow();
    await sim.acceptConnections();
    expect(sim.port).toBe(port);
    expect((await chat()).status).toBe(200);
  });

  it('rejects an invalid fault', () => {
    expect(() => sim.faults.inject({ kind: 'status', status: 200 })).toThrow();
    expect(() => sim.faults.cutStream(-1)).toThrow();
  });

  it('reset clears faults and ends hanging requests', async () => {
    sim.faults.hang(1);
    const pending = chat();
    await new Promise((r) => setTimeout(r, 50));
    sim.faults.fail(500, 5);
    sim.reset();
    await expect(pending).rejects.toThrow();
    expect((await chat()).status).toBe(200);
  });
});
