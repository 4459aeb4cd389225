import type { NatsConnection } from '@nats-io/transport-node';

/**
 * Whether the connection is up now: false from a `disconnect` until the `reconnect` (nats.js keeps
 * the connection object open while it retries, so `isClosed()` alone says ready through an outage).
 * For readiness: a replica cut off from NATS can serve nothing.
 */
export function trackConnected(nc: NatsConnection): () => boolean {
  let up = true;
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') up = false;
      else if (s.type === 'reconnect') up = true;
    }
  })().catch(() => undefined);
  return () => up && !nc.isClosed();
}
