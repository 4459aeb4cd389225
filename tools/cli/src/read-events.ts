import { DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams } from '@gatehouse/contracts';
import { decodeJson } from '@gatehouse/nats';
import type { EventRecord } from './records';

const STREAM = Streams.GH_REQUEST.name;

export type StartAt = { lastN: number } | { since: Date };

export interface ReadOptions {
  from: StartAt;
  /** Keep reading new events after the end (until `signal` aborts). */
  follow: boolean;
  signal?: AbortSignal;
  /** A message whose payload is not JSON: reported, then skipped. */
  onUndecodable?: (seq: number, subject: string) => void;
}

/** The stream is not there: nothing was ever published on this NATS (or it is another NATS). */
export class StreamMissingError extends Error {
  override readonly name = 'StreamMissingError';
}

/**
 * Reads GH_REQUEST back with an ordered consumer, from the last N messages or a point in time.
 * Unlike libs/nats `readStream`, a bounded read never waits when its range is empty (a `since`
 * after the last message returns at once instead of hanging), and it can start N from the end.
 * The end is the stream's last message when reading began; later ones are left to `follow`.
 */
export async function* readRequestEvents(nc: NatsConnection, opts: ReadOptions): AsyncGenerator<EventRecord> {
  const jsm = await jetstreamManager(nc);
  const state = await jsm.streams.info(STREAM).then(
    (i) => i.state,
    (err: unknown) => {
      throw /not found/i.test(String(err)) ? new StreamMissingError(`stream ${STREAM} does not exist on this NATS server`) : err;
    },
  );
  const last = state.last_seq;
  const empty = state.messages === 0;
  let start: { deliver_policy: DeliverPolicy; opt_start_seq?: number; opt_start_time?: string };
  if ('lastN' in opts.from) {
    const seq = Math.max(1, state.first_seq, last - opts.from.lastN + 1);
    if (!opts.follow && (empty || seq > last)) return;
    start = { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: opts.from.lastN === 0 ? last + 1 : seq };
  } else {
    if (!opts.follow && (empty || new Date(state.last_ts) < opts.from.since)) return;
    start = { deliver_policy: DeliverPolicy.StartTime, opt_start_time: opts.from.since.toISOString() };
  }
  if (opts.signal?.aborted) return;

  const consumer = await jetstream(nc).consumers.get(STREAM, start);
  const messages = await consumer.consume({ max_messages: 512 });
  const stop = () => messages.stop();
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const m of messages) {
      const record = toRecord(m);
      if (record) yield record;
      else opts.onUndecodable?.(m.seq, m.subject);
      if (!opts.follow && (m.seq >= last || m.info.pending === 0)) break;
    }
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    messages.stop();
  }
}

function toRecord(m: JsMsg): EventRecord | null {
  try {
    return { seq: m.seq, time: new Date(m.info.timestampNanos / 1_000_000), subject: m.subject, event: decodeJson(m.data) };
  } catch {
    return null;
  }
}
