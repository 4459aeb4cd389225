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
}

export function toStoredEvent(m: JsMsg): StoredEvent {
  return { subject: m.subject, seq: m.seq, time: new Date(m.info.timestampNanos / 1_000_000), data: decodeJson(m.data) };
}

/** Ensures a durable pull consumer exists (explicit acks, from the start of the stream). */
export async function ensureDurable(jsm: JetStreamManager, stream: string, durable: string, filter?: string): Promise<void> {
  try {
    await jsm.consumers.info(stream, durable);
  } catch {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: ms(30_000),
      max_ack_pending: 10_000,
    });
  }
}

/**
 * Reads a stream from a point in time (or the start) with an ordered consumer, and stops at the
 * last message that existed when it began unless `follow` is set: what `audit replay` and a
 * projection rebuild need.
 */
export async function* readStream(
  nc: NatsConnection,
  stream: string,
  opts: { since?: Date; follow?: boolean; filter?: string } = {},
): AsyncGenerator<StoredEvent> {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(stream);
  const last = info.state.last_seq;
  if (!opts.follow && info.state.messages === 0) return;
  const consumer = await js.consumers.get(stream, {
    ...(opts.since
      ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: opts.since.toISOString() }
      : { deliver_policy: opts.follow ? DeliverPolicy.New : DeliverPolicy.All }),
    ...(opts.filter ? { filter_subjects: opts.filter } : {}),
  });
  const messages = await consumer.consume({ max_messages: 1_000 });
  try {
    for await (const m of messages) {
      yield toStoredEvent(m);
      if (!opts.follow && m.seq >= last) break;
      if (!opts.follow && m.info.pending === 0) break;
    }
  } finally {
    messages.stop();
  }
}
