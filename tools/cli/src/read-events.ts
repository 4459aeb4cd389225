import type { NatsConnection } from '@nats-io/transport-node';
import { Streams } from '@gatehouse/contracts';
import { type ReadOptions, readStream } from '@gatehouse/nats';
import type { EventRecord } from './records';

export { StreamMissingError } from '@gatehouse/nats';

/** The request events of GH_REQUEST (see `readStream` in libs/nats for where a read starts and ends). */
export async function* readRequestEvents(nc: NatsConnection, opts: ReadOptions): AsyncGenerator<EventRecord> {
  for await (const e of readStream(nc, Streams.GH_REQUEST.name, opts)) {
    yield { seq: e.seq, time: e.time, subject: e.subject, event: e.data };
  }
}
