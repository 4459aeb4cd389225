import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from './connection';
import { trackConnected } from './connected';

/** Readiness follows the connection: false while nats-server is gone, true again once reconnected. */
let nats: NatsServerHandle;
let nc: NatsConnection;

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connectNats({ url: nats.url, name: 'connected-test' });
});

afterAll(async () => {
  await nc?.close();
  await nats?.stop();
});

it('is false from a disconnect until the reconnect, and after close', async () => {
  const connected = trackConnected(nc);
  expect(connected()).toBe(true);
  await nats.stop({ keepStore: true });
  await waitFor(() => !connected(), 'not ready while NATS is down');
  await nats.restart();
  await waitFor(() => connected(), 'ready again after the reconnect');
  await nc.close();
  expect(connected()).toBe(false);
});
