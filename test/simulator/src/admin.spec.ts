import { start, type Simulator } from './simulator';
import { readJson, type SimErrorBody, type SimPendingFaults, type SimRequestReport } from './wire-types';

let sim: Simulator;
beforeAll(async () => {
  sim = await start({ apiKey: 'sk-admin-test-000000' });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.origin}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
const chat = (model = 'm') =>
  fetch(`${sim.url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-admin-test-000000' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });

describe('simulator admin API (/__sim)', () => {
  it('arms faults over HTTP, shows them pending, and they hit the API', async () => {
    const res = await admin('POST', 'faults', [{ kind: 'status', status: 502, times: 2 }, { kind: 'rate_limit', model: 'x', retryAfterS: 3 }]);
    expect(res.status).toBe(201);
    expect((await readJson<{ armed: unknown[] }>(res)).armed).toHaveLength(2);
    const pending = await readJson<SimPendingFaults>(await admin('GET', 'faults'));
    expect(pending.pending.map((p) => p.left)).toEqual([2, 1]);
    expect((await chat('x')).status).toBe(502);
    expect((await chat()).status).toBe(502);
    const limited = await chat('x');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await chat()).status).toBe(200);
  });

  it('rejects an invalid fault with 400 and arms nothing', async () => {
    const res = await admin('POST', 'faults', { kind: 'explode' });
    expect(res.status).toBe(400);
    expect((await readJson<SimErrorBody>(res)).error.type).toBe('invalid_request_error');
    expect(sim.faults.pending()).toEqual([]);
  });

  it('reports requests received (admin calls excluded, keys redacted) and resets', async () => {
    await chat();
    await chat();
    const log = await readJson<SimRequestReport>(await admin('GET', 'requests'));
    expect(log.count).toBe(2);
    expect(log.byPath).toEqual({ '/v1/chat/completions': 2 });
    expect(log.requests[0].headers.authorization).toBe('[redacted]');
    expect(log.requests[0].body?.messages?.[0].content).toBe('hi');
    expect((await admin('POST', 'reset')).status).toBe(204);
    expect(sim.requestCount()).toBe(0);
  });

  it('sets latency and clears it with the faults', async () => {
    expect((await admin('PUT', 'latency', { firstByteMs: 150 })).status).toBe(204);
    let t = Date.now();
    await chat();
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    expect((await admin('DELETE', 'faults')).status).toBe(204);
    t = Date.now();
    await chat();
    expect(Date.now() - t).toBeLessThan(100);
  });

  it('refuses connections for a while, then listens again', async () => {
    const res = await admin('POST', 'refuse', { forMs: 300 });
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 50));
    await expect(chat()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 400));
    expect((await chat()).status).toBe(200);
  });

  it('answers unknown admin routes 404', async () => {
    expect((await admin('GET', 'nope')).status).toBe(404);
    expect((await admin('GET', 'health')).status).toBe(200);
  });
});
