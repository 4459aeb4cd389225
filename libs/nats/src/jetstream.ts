import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { type EventContract, type EventPayload, Streams, type StreamSpec } from '@gatehouse/contracts';
import { decodeJson, encodeJson } from './codec';
import { type CallContext, contextHeaders } from './headers';

const ms = (n: number) => n * 1_000_000; // JetStream durations are nanoseconds

/** Creates (or updates) every stream in contracts/streams.ts. Idempotent; run by each service at start. */
export async function ensureStreams(nc: NatsConnection, replicas = Number(process.env.GATEHOUSE_JS_REPLICAS ?? 1)): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const spec of Object.values(Streams) as StreamSpec[]) {
    const config = {
      name: spec.name,
      subjects: [...spec.subjects],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: replicas,
      max_age: ms(spec.maxAgeMs),
      duplicate_window: ms(spec.duplicateWindowMs),
    };
    try {
      await jsm.streams.info(spec.name);
      await jsm.streams.update(spec.name, config);
    } catch {
      await jsm.streams.add(config);
    }
  }
}

/**
 * Publishes events by contract, never by bare subject: the payload is validated against the
 * event's schema and its id field becomes the JetStream message id, so a republish within the
 * stream's duplicate window is dropped by the server.
 */
export class EventPublisher {
  private readonly js: JetStreamClient;
  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  async publish<E extends EventContract>(event: E, payload: EventPayload<E>, ctx?: CallContext): Promise<{ seq: number; duplicate: boolean }> {
    const valid = event.schema.parse(payload) as Record<string, unknown>;
    const ack = await this.js.publish(event.subject, encodeJson(valid), {
      msgID: String(valid[event.idField]),
      headers: contextHeaders(ctx),
      timeout: 5_000,
    });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}

export interface StoredEvent {
  subject: string;
  seq: number;
  time: Date;
  data: unknown;
  /** Messages after this one in the reader's view when it was delivered (its lag); absent when unknown. */
  pending?: number;
}

export function toStoredEvent(m: JsMsg): StoredEvent {
  return { subject: m.subject, seq: m.seq, time: new Date(m.info.timestampNanos / 1_000_000), data: decodeJson(m.data), pending: m.info.pending };
}

/**
 * Ensures a durable pull consumer exists (explicit acks, from the start of the stream). `ackWaitMs`
 * is how long an unacked message waits before redelivery: what a consumer that died mid-batch
 * costs its successor in catch-up time.
 */
export async function ensureDurable(jsm: JetStreamManager, stream: string, durable: string, filter?: string, ackWaitMs = 30_000): Promise<void> {
  try {
    await jsm.consumers.info(stream, durable);
  } catch {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: ms(ackWaitMs),
      max_ack_pending: 10_000,
    });
  }
}

export type StartAt = { lastN: number } | { since: Date } | { first: true };

export interface ReadOptions {
  from: StartAt;
  /** Keep reading new events after the end (until `signal` aborts). */
  follow?: boolean;
  signal?: AbortSignal;
  /** A message whose payload is not JSON: reported, then skipped. */
  onUndecodable?: (seq: number, subject: string) => void;
}

/** The stream is not there: nothing was ever published on this NATS (or it is another NATS). */
export class StreamMissingError extends Error {
  override readonly name = 'StreamMissingError';
}

/**
 * Reads a stream back with an ordered consumer, from its start, the last N messages or a point
 * in time: what `audit replay`, tests and projection rebuilds need. A bounded read ends at the
 * stream's last message when reading began and never waits when its range is empty; `follow`
 * goes on with new messages until `signal` aborts.
 */
export async function* readStream(nc: NatsConnection, stream: string, opts: ReadOptions): AsyncGenerator<StoredEvent> {
  const jsm = await jetstreamManager(nc);
  const state = await jsm.streams.info(stream).then(
    (i) => i.state,
    (err: unknown) => {
      throw /not found/i.test(String(err)) ? new StreamMissingError(`stream ${stream} does not exist on this NATS server`) : err;
    },
  );
  const last = state.last_seq;
  const empty = state.messages === 0;
  let start: { deliver_policy: DeliverPolicy; opt_start_seq?: number; opt_start_time?: string };
  if ('lastN' in opts.from) {
    const seq = Math.max(1, state.first_seq, last - opts.from.lastN + 1);
    if (!opts.follow && (empty || seq > last)) return;
    start = { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: opts.from.lastN === 0 ? last + 1 : seq };
  } else if ('since' in opts.from) {
    if (!opts.follow && (empty || new Date(state.last_ts) < opts.from.since)) return;
    start = { deliver_policy: DeliverPolicy.StartTime, opt_start_time: opts.from.since.toISOString() };
  } else {
    if (!opts.follow && empty) return;
    start = { deliver_policy: DeliverPolicy.All };
  }
  if (opts.signal?.aborted) return;

  const consumer = await jetstream(nc).consumers.get(stream, start);
  const messages = await consumer.consume({ max_messages: 512 });
  const stop = () => messages.stop();
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const m of messages) {
      let event: StoredEvent | null = null;
      try {
        event = toStoredEvent(m);
      } catch {
        opts.onUndecodable?.(m.seq, m.subject);
      }
      if (event) yield event;
      if (!opts.follow && (m.seq >= last || m.info.pending === 0)) break;
    }
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    messages.stop();
  }
}
