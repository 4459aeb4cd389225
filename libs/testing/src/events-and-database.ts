import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, ensureStreams, EventPublisher } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer } from './nats-server';
import { createTestDatabase, type TestDatabase } from './postgres';

export interface EventsAndDatabase {
  readonly nats: NatsServerHandle;
  /** Connected to `nats` with the streams in place. */
  readonly nc: NatsConnection;
  readonly publisher: EventPublisher;
  readonly db: TestDatabase;
  /** Runs `close` after the test, before the server and database go; the last registered first. */
  closeAfter(close: () => Promise<unknown>): void;
}

/**
 * For a projection's tests (the ledger's): before each test a private nats-server with the
 * streams, a publisher and a fresh database; after it, what the test registered with
 * `closeAfter`, then the connection, the server and the database.
 */
export function eventsAndDatabasePerTest(opts: { client: string; dbPrefix: string }): EventsAndDatabase {
  let current: Omit<EventsAndDatabase, 'closeAfter'> | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  const get = () => {
    if (!current) throw new Error('eventsAndDatabasePerTest: use it inside a test');
    return current;
  };

  beforeEach(async () => {
    const nats = await startNatsServer();
    const nc = await connectNats({ url: nats.url, name: opts.client });
    await ensureStreams(nc);
    current = { nats, nc, publisher: new EventPublisher(nc), db: await createTestDatabase(opts.dbPrefix) };
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    const started = current;
    current = undefined;
    if (!started) return; // beforeEach failed: its error is the one to read
    const { nc, nats, db } = started;
    await nc.drain();
    await nats.stop();
    await db.drop();
  });

  return {
    get nats() { return get().nats; },
    get nc() { return get().nc; },
    get publisher() { return get().publisher; },
    get db() { return get().db; },
    closeAfter: (close) => void closers.push(close),
  };
}
