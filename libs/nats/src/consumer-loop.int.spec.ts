import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type Consumer, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { ConsumerLoop, type ConsumerLoopOptions } from './consumer-loop';

/** The loop the ledger projections read with, over a real nats-server: restarts, backoff, stop, no loss. */
let server: NatsServerHandle;
let nc: NatsConnection;
let streams = 0;

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
});

afterAll(async () => {
  await nc.close();
  await server.stop();
});

/** A fresh stream per test, and a way to publish `count` messages on it (seq 1, 2, …). */
async function stream(): Promise<{ name: string; publish(count: number): Promise<void> }> {
  const name = `LOOP_${++streams}`;
  await (await jetstreamManager(nc)).streams.add({ name, subjects: [`loop.${streams}.>`] });
  const js = jetstream(nc);
  const subject = `loop.${streams}.event`;
  return { name, publish: async (count) => void (await Promise.all(Array.from({ length: count }, () => js.publish(subject, '{}')))) };
}

/** What a projection does: each run opens an ordered consumer after the last message it handled. */
function afterLastHandled(name: string, handled: number[]): () => Promise<Consumer> {
  return () => jetstream(nc).consumers.get(name, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: (handled.at(-1) ?? 0) + 1 });
}

type Failure = { err: string; retryInMs: number; at: number };
function loopWith(opts: Partial<ConsumerLoopOptions> & Pick<ConsumerLoopOptions, 'open' | 'handle'>): { loop: ConsumerLoop; failures: Failure[] } {
  const failures: Failure[] = [];
  const loop = new ConsumerLoop({ maxMessages: 8, onError: (err, retryInMs) => failures.push({ err: String(err), retryInMs, at: performance.now() }), ...opts });
  return { loop, failures };
}

const seqs = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

it('restarts a failed run after its backoff, where open says, and loses nothing published meanwhile', async () => {
  const s = await stream();
  await s.publish(10);
  const handled: number[] = [];
  const opens: number[] = [];
  let failed = false;
  const open = afterLastHandled(s.name, handled);
  const { loop, failures } = loopWith({
    backoff: () => 300,
    open: () => (opens.push(performance.now()), open()),
    handle: async (messages) => {
      for await (const m of messages) {
        if (m.seq === 5 && !failed) {
          failed = true;
          await s.publish(10); // lands while the loop pauses
          throw new Error('write failed');
        }
        handled.push(m.seq);
      }
    },
  });
  loop.start();
  await waitFor(() => handled.length === 20, 'all 20 messages handled');
  await loop.stop();
  expect(handled).toEqual(seqs(20));
  expect(failures).toEqual([{ err: 'Error: write failed', retryInMs: 300, at: expect.any(Number) }]);
  expect(opens).toHaveLength(2);
  expect(opens[1] - failures[0].at).toBeGreaterThanOrEqual(290); // timers may fire a few ms early
});

it('backs off longer while opening keeps failing, and from the start again once a run consumed', async () => {
  const s = await stream();
  await s.publish(3);
  const handled: number[] = [];
  let opens = 0;
  let failHandle = true;
  const open = afterLastHandled(s.name, handled);
  const { loop, failures } = loopWith({
    backoff: (attempt) => 10 * 2 ** attempt,
    open: async () => {
      if (++opens <= 3) throw new Error(`NATS down ${opens}`);
      return open();
    },
    handle: async (messages) => {
      for await (const m of messages) {
        if (failHandle) {
          failHandle = false;
          throw new Error('database down');
        }
        handled.push(m.seq);
      }
    },
  });
  loop.start();
  await waitFor(() => handled.length === 3, 'all 3 messages handled');
  await loop.stop();
  expect(failures.map((f) => [f.err, f.retryInMs])).toEqual([
    ['Error: NATS down 1', 10],
    ['Error: NATS down 2', 20],
    ['Error: NATS down 3', 40],
    ['Error: database down', 10],
  ]);
  expect(handled).toEqual(seqs(3));
});

it('restart() ends the run and opens the next at once, without a failure', async () => {
  const s = await stream();
  await s.publish(6);
  const handled: number[] = [];
  let opens = 0;
  const open = afterLastHandled(s.name, handled);
  const { loop, failures } = loopWith({
    backoff: () => 60_000,
    open: () => (opens++, open()),
    handle: async (messages) => {
      for await (const m of messages) {
        handled.push(m.seq);
        if (m.seq === 3 && opens === 1) loop.restart();
      }
    },
  });
  loop.start();
  await waitFor(() => handled.length === 6, 'all 6 messages handled');
  await loop.stop();
  expect(opens).toBe(2);
  expect(failures).toEqual([]);
  expect(handled).toEqual(seqs(6));
});

it('stop() ends the run, waits for the handler to return, and reads nothing more', async () => {
  const s = await stream();
  await s.publish(5);
  const handled: number[] = [];
  let returned = false;
  const open = afterLastHandled(s.name, handled);
  let opens = 0;
  const { loop, failures } = loopWith({
    open: () => (opens++, open()),
    handle: async (messages) => {
      for await (const m of messages) handled.push(m.seq);
      await new Promise((r) => setTimeout(r, 100)); // a last write, which stop() waits for
      returned = true;
    },
  });
  loop.start();
  await waitFor(() => handled.length === 5, 'the first 5 messages handled');
  await loop.stop();
  expect(returned).toBe(true);
  await s.publish(5);
  await new Promise((r) => setTimeout(r, 300));
  expect(handled).toEqual(seqs(5));
  expect(opens).toBe(1);
  expect(failures).toEqual([]);
  loop.start(); // a stopped loop stays stopped
  await new Promise((r) => setTimeout(r, 100));
  expect(opens).toBe(1);
});

it('stop() waits neither for an open that cannot finish nor for a backoff pause', async () => {
  const hanging = loopWith({ open: () => new Promise<Consumer>(() => undefined), handle: async () => undefined });
  hanging.loop.start();
  const pausing = loopWith({ backoff: () => 60_000, open: () => Promise.reject(new Error('refused')), handle: async () => undefined });
  pausing.loop.start();
  await waitFor(() => pausing.failures.length === 1, 'the first open failed');
  const t0 = performance.now();
  await Promise.all([hanging.loop.stop(), pausing.loop.stop()]);
  expect(performance.now() - t0).toBeLessThan(500);
  expect(hanging.failures).toEqual([]);
  expect(pausing.failures).toHaveLength(1);
});
