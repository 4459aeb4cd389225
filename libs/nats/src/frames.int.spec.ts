import { connect, type NatsConnection } from '@nats-io/transport-node';
import { FrameKind } from '@gatehouse/contracts';
import { type NatsServerHandle, startNatsServer } from '@gatehouse/testing';
import { decodeJson } from './codec';
import { type FrameSender, FrameSenders, FrameStreamError, FrameStreams } from './frames';

/** Router ↔ ingress frame streams over a real nats-server: order, credit, cancel, liveness. */
let server: NatsServerHandle;
let routerNc: NatsConnection;
let ingressNc: NatsConnection;
let senders: FrameSenders;
let streams: FrameStreams;

beforeAll(async () => {
  server = await startNatsServer();
  routerNc = await connect({ servers: server.url });
  ingressNc = await connect({ servers: server.url });
  senders = new FrameSenders(routerNc, 'router', 100);
  streams = new FrameStreams(ingressNc);
});

afterAll(async () => {
  await senders.close();
  await streams.close();
  await routerNc.close();
  await ingressNc.close();
  await server.stop();
});

/** A stream whose reply subject the "router" side answers on: what a router.complete call sets up. */
async function pair(credit: number, idleMs = 2_000): Promise<{ sender: FrameSender; stream: ReturnType<FrameStreams['open']> }> {
  const stream = streams.open(idleMs);
  await ingressNc.flush();
  const sender = senders.open(stream.replySubject, credit);
  sender.accepted(credit);
  const first = await stream.next(1_000);
  expect(first.kind).toBe(FrameKind.accepted);
  return { sender, stream };
}

const route = { deployment_id: 'd', provider: 'mock', provider_model: 'm', attempts: 1, ttft_ms: 1 };

it('delivers every chunk in order, then the end frame', async () => {
  const { sender, stream } = await pair(1_000);
  for (let i = 0; i < 200; i++) await sender.chunk({ i });
  sender.end({ route, usage: null, finish_reason: 'stop' });
  for (let i = 0; i < 200; i++) {
    const f = await stream.next();
    expect(f.kind).toBe(FrameKind.chunk);
    expect(decodeJson(f.data)).toEqual({ i });
  }
  expect((await stream.next()).kind).toBe(FrameKind.end);
  stream.close();
});

it('holds chunks back until ingress grants credit', async () => {
  const { sender, stream } = await pair(2);
  expect(await sender.chunk({ n: 1 })).toBe(true);
  expect(await sender.chunk({ n: 2 })).toBe(true);
  let third = false;
  const pending = sender.chunk({ n: 3 }).then((ok) => (third = ok));
  await new Promise((r) => setTimeout(r, 100));
  expect(third).toBe(false); // out of credit: waiting
  stream.grant(1);
  await pending;
  expect(third).toBe(true);
  for (let i = 0; i < 3; i++) await stream.next();
  sender.end({ route, usage: null, finish_reason: 'stop' });
  stream.close();
});

it('turns a cancel into an abort and releases a sender waiting for credit', async () => {
  const { sender, stream } = await pair(1);
  await sender.chunk({ n: 1 });
  const waiting = sender.chunk({ n: 2 });
  stream.cancel('client disconnected');
  expect(await waiting).toBe(false);
  expect(sender.signal.aborted).toBe(true);
  stream.close();
});

it('keeps a quiet stream alive with heartbeats, and times out a silent one', async () => {
  const { sender, stream } = await pair(4, 300);
  const late = setTimeout(() => sender.end({ route, usage: null, finish_reason: 'stop' }), 700);
  expect((await stream.next()).kind).toBe(FrameKind.end); // 700 ms > idle 300 ms: heartbeats kept it open
  clearTimeout(late);
  stream.close();

  const silent = streams.open(300);
  await expect(silent.next(300)).rejects.toMatchObject({ reason: 'timeout' });
  silent.close();
});

it('fails at once when nobody serves the subject', async () => {
  const stream = streams.open(5_000);
  ingressNc.publish('gh.rpc.nobody.complete.v1', new Uint8Array(), { reply: stream.replySubject });
  const started = Date.now();
  const err = await stream.next(5_000).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FrameStreamError);
  expect((err as FrameStreamError).reason).toBe('no_responders');
  expect(Date.now() - started).toBeLessThan(1_000);
  stream.close();
});

it('ends with a gap error when a frame is lost, never a silent truncation', async () => {
  const { headers } = await import('@nats-io/transport-node');
  const stream = streams.open(2_000);
  const h = headers();
  h.set('Gh-Frame', 'chunk');
  h.set('Gh-Seq', '1'); // frame 0 never arrived
  routerNc.publish(stream.replySubject, new TextEncoder().encode('{}'), { headers: h });
  await expect(stream.next()).rejects.toMatchObject({ reason: 'gap' });
  stream.close();
});
