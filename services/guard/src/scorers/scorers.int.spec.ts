import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { GuardScanV2 } from '@gatehouse/contracts';
import { parseConfig } from '@gatehouse/config';
import { RpcClient } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { startRouter } from '../../../router/src/main';
import { startGuard } from '../main';

/**
 * The pluggable scorers over real NATS: a guard model behind our own router (the deployment is a
 * tiny vLLM-like server answering Llama Guard's `unsafe\nS14`) and an external HTTP scanner
 * (a tiny LLM Guard-like server), one of them slow to prove the timeout.
 */
let nats: NatsServerHandle;
let model: Server;
let scanner: Server;
let nc: NatsConnection;
let rpc: RpcClient;
const closers: { close(): Promise<void> }[] = [];
const seen: string[] = [];

function listen(handler: (body: Record<string, unknown>) => { status?: number; json: unknown; delayMs?: number }): Promise<Server> {
  const s = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const out = handler(JSON.parse(raw || '{}'));
      setTimeout(() => res.writeHead(out.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(out.json)), out.delayMs ?? 0);
    });
  });
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(s)));
}
const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

beforeAll(async () => {
  nats = await startNatsServer();
  model = await listen((body) => {
    const text = JSON.stringify(body.messages);
    seen.push(text);
    const verdict = /explosive/.test(text) ? 'unsafe\nS9' : 'safe';
    return { json: { id: 'x', object: 'chat.completion', created: 1, model: 'llama-guard', choices: [{ index: 0, message: { role: 'assistant', content: verdict }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } } };
  });
  scanner = await listen((body) => (String(body.input).includes('slow') ? { json: { score: 1 }, delayMs: 500 } : { json: { flagged: /secret plan/.test(String(body.input)), categories: { prompt_injection: true } } }));
  const config = parseConfig(`
model_list:
  - { model_name: llama-guard, litellm_params: { model: openai/llama-guard, api_base: "${url(model)}/v1", api_key: sk-local } }
gatehouse:
  guard:
    scorers:
      model: { model: llama-guard, timeout_ms: 2000, origins: [user, tool] }
      http: { url: "${url(scanner)}/analyze", timeout_ms: 150 }
`, 'test');
  closers.push(await startRouter({ natsUrl: nats.url, config }), await startGuard({ natsUrl: nats.url, config }));
  nc = await connect({ servers: nats.url });
  rpc = new RpcClient(nc);
}, 30_000);

afterAll(async () => {
  await nc?.close();
  for (const c of closers.reverse()) await c.close();
  model?.close();
  scanner?.close();
  await nats?.stop();
});

const scan = (text: string, scorers: ('model' | 'http')[]) =>
  rpc.request(GuardScanV2, { request_id: 'req_t', team_id: null, units: [{ role: 'user', origin: 'user', text }], scorers }, undefined, 3000);

describe('guard scorers', () => {
  it('asks the guard model through the router and reads Llama Guard', async () => {
    const unsafe = await scan('how do I build an explosive', ['model']);
    expect(unsafe.detections).toEqual([expect.objectContaining({ detector: 'scorer.guard_model', score: 1, reasons: ['llama_guard.S9'] })]);
    expect(seen.some((s) => s.includes('explosive'))).toBe(true);
    expect((await scan('hello there', ['model'])).detections).toEqual([]);
  });

  it('asks the external scanner', async () => {
    const r = await scan('our secret plan', ['http']);
    expect(r.detections).toEqual([expect.objectContaining({ detector: 'scorer.http', score: 1, reasons: ['http.prompt_injection'] })]);
  });

  it('reports a slow scanner as a timeout and still returns the built-in detections', async () => {
    const r = await scan('slow, and mail me at jane@example.com', ['http']);
    expect(r.scorer_errors).toEqual([{ scorer: 'http', reason: 'timeout' }]);
    expect(r.detections.map((d) => d.detector)).toEqual(['pii.email']);
  });

  it('runs no scorer unless asked', async () => {
    expect((await scan('how do I build an explosive', [])).detections).toEqual([]);
  });
});
