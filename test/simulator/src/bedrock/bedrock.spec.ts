import { Sha256 } from '@aws-crypto/sha256-js';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { start, type Simulator } from '../simulator';
import { BEDROCK_SIM_CREDENTIALS } from './sigv4';

/** The simulated Bedrock Runtime, driven with fetch and a plain SigV4 signer: what a real client sees. */

let sim: Simulator;
beforeAll(async () => {
  sim = await start();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const MODEL_PATH = '/model/anthropic.claude-3-haiku-20240307-v1%3A0';
const chat = (text = 'hello big world') => ({ messages: [{ role: 'user', content: [{ text }] }] });

interface Send {
  op?: string;
  body?: unknown;
  secret?: string;
  /** The path put in the signature, when it should differ from the one sent. */
  signedPath?: string;
  tamper?: (headers: Record<string, string>) => void;
  sendBody?: string;
}

async function send({ op = 'converse', body = chat(), secret = BEDROCK_SIM_CREDENTIALS.secretAccessKey, signedPath, tamper, sendBody }: Send = {}) {
  const path = `${MODEL_PATH}/${op}`;
  const payload = JSON.stringify(body);
  const signer = new SignatureV4({ service: 'bedrock', region: 'us-east-1', sha256: Sha256, credentials: { accessKeyId: BEDROCK_SIM_CREDENTIALS.accessKeyId, secretAccessKey: secret } });
  const host = `127.0.0.1:${sim.port}`;
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: sim.port, path: signedPath ?? path, query: {}, headers: { host, 'content-type': 'application/json' }, body: payload });
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers.host;
  tamper?.(headers);
  return fetch(`${sim.origin}${path}`, { method: 'POST', headers, body: sendBody ?? payload });
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Splits an event-stream body into messages by the prelude's total length (test-only reader). */
function frames(buf: Buffer) {
  const out: { headers: Record<string, string>; payload: Record<string, unknown> }[] = [];
  for (let i = 0; i < buf.length; ) {
    const len = buf.readUInt32BE(i);
    const m = codec.decode(buf.subarray(i, i + len));
    out.push({ headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, String(v.value)])), payload: JSON.parse(toUtf8(m.body)) });
    i += len;
  }
  return out;
}

describe('simulated Bedrock: SigV4', () => {
  it('accepts a correct signature and answers Converse', async () => {
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({
      output: { message: { role: 'assistant', content: [{ text: 'Echo: hello big world' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
    });
  });

  it.each<[string, Send, string]>([
    ['a wrong secret', { secret: 'not-the-secret' }, 'InvalidSignatureException'],
    ['a path signed unencoded but sent encoded', { signedPath: '/model/anthropic.claude-3-haiku-20240307-v1:0/converse' }, 'InvalidSignatureException'],
    ['a body changed after signing', { sendBody: JSON.stringify(chat('something else')) }, 'InvalidSignatureException'],
    ['a signed header changed', { tamper: (h) => (h['content-type'] = 'text/plain') }, 'InvalidSignatureException'],
    ['an unknown access key', { tamper: (h) => (h.authorization = h.authorization.replace(BEDROCK_SIM_CREDENTIALS.accessKeyId, 'AKIAOTHERKEY00000000')) }, 'UnrecognizedClientException'],
    ['no signature at all', { tamper: (h) => delete h.authorization }, 'MissingAuthenticationTokenException'],
    ['a malformed Authorization', { tamper: (h) => (h.authorization = 'AWS4-HMAC-SHA256 nonsense') }, 'IncompleteSignatureException'],
  ])('refuses %s with 403 %s', async (_name, opts, type) => {
    const res = await send(opts);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toMatch(new RegExp(`^${type}:`));
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(Object.keys((await res.json()) as object)).toEqual(['message']);
  });
});

describe('simulated Bedrock: ConverseStream', () => {
  it('writes real event-stream messages with the AWS headers', async () => {
    const res = await send({ op: 'converse-stream' });
    expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
    const out = frames(Buffer.from(await res.arrayBuffer()));
    expect(out.map((f) => f.headers[':event-type'])).toEqual(['messageStart', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockStop', 'messageStop', 'metadata']);
    for (const f of out) expect(f.headers).toMatchObject({ ':message-type': 'event', ':content-type': 'application/json' });
    expect(out.map((f) => (f.payload.delta as { text?: string } | undefined)?.text ?? '').join('')).toBe('Echo: hello big world');
    expect(out[0].payload).toMatchObject({ role: 'assistant', p: expect.any(String) });
    expect(out.at(-1)?.payload).toMatchObject({ usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } });
  });

  it('a tool named in the text → contentBlockStart(toolUse) and input pieces', async () => {
    const body = { ...chat('call lookup now'), toolConfig: { tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } } } }] } };
    const out = frames(Buffer.from(await (await send({ op: 'converse-stream', body })).arrayBuffer()));
    expect(out[1].payload).toMatchObject({ contentBlockIndex: 0, start: { toolUse: { name: 'lookup', toolUseId: expect.stringMatching(/^tooluse_/) } } });
    const input = out.filter((f) => f.headers[':event-type'] === 'contentBlockDelta').map((f) => (f.payload.delta as { toolUse: { input: string } }).toolUse.input).join('');
    expect(JSON.parse(input)).toEqual({ q: 'call lookup now' });
    expect(out.find((f) => f.headers[':event-type'] === 'messageStop')?.payload.stopReason).toBe('tool_use');
  });

  it('an armed stream error ends with an exception message', async () => {
    sim.faults.streamError(1, { message: 'boom' });
    const out = frames(Buffer.from(await (await send({ op: 'converse-stream' })).arrayBuffer()));
    expect(out).toHaveLength(2);
    expect(out[1]).toEqual({ headers: { ':exception-type': 'modelStreamErrorException', ':content-type': 'application/json', ':message-type': 'exception' }, payload: { message: 'boom' } });
  });
});

describe('simulated Bedrock: validation and faults', () => {
  it.each<[string, unknown, RegExp]>([
    ['no messages', {}, /Value null at 'messages'/],
    ['an assistant first', { messages: [{ role: 'assistant', content: [{ text: 'x' }] }] }, /must start with a user message/],
    ['two user turns', { messages: [{ role: 'user', content: [{ text: 'a' }] }, { role: 'user', content: [{ text: 'b' }] }] }, /must alternate/],
    ['a blank text block', { messages: [{ role: 'user', content: [{ text: ' ' }] }] }, /is blank/],
    ['tool blocks without toolConfig', { messages: [{ role: 'user', content: [{ toolResult: { toolUseId: 't', content: [{ text: 'r' }] } }] }] }, /toolConfig field must be defined/],
  ])('%s → 400 ValidationException', async (_name, body, message) => {
    const res = await send({ body });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^ValidationException:/);
    expect(((await res.json()) as { message: string }).message).toMatch(message);
  });

  it.each([
    [(s: Simulator) => s.faults.rateLimit(1), 429, 'ThrottlingException'],
    [(s: Simulator) => s.faults.fail(503), 503, 'ServiceUnavailableException'],
    [(s: Simulator) => s.faults.fail(500), 500, 'InternalServerException'],
  ])('fault → %i %s', async (arm, status, type) => {
    arm(sim);
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('x-amzn-errortype')).toMatch(new RegExp(`^${type}:`));
  });

  it('InvokeModel embeds with Titan and reports the token count header', async () => {
    const res = await fetch(`${sim.origin}/model/x/invoke`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    const ok = await sendInvoke();
    expect(ok.headers.get('x-amzn-bedrock-input-token-count')).toBe('2');
    expect(((await ok.json()) as { embedding: number[] }).embedding).toHaveLength(256);
  });
});

async function sendInvoke() {
  const path = '/model/amazon.titan-embed-text-v2%3A0/invoke';
  const payload = JSON.stringify({ inputText: 'two words', dimensions: 256 });
  const signer = new SignatureV4({ service: 'bedrock', region: 'us-east-1', sha256: Sha256, credentials: BEDROCK_SIM_CREDENTIALS });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path, query: {}, headers: { host: `127.0.0.1:${sim.port}` }, body: payload });
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers.host;
  return fetch(`${sim.origin}${path}`, { method: 'POST', headers, body: payload });
}
