import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectOptions {
  /** Comma-separated server URLs; NATS_URL or nats://127.0.0.1:4222 when absent. */
  url?: string;
  /** Shows in `nats server report connections`; use `<service>-<pid>`. */
  name: string;
}

/**
 * Connects with the options the hot path needs: `noAsyncTraces` (nats.js otherwise builds a stack
 * trace per request: ~40% of a request's CPU) and endless reconnects (a restarted NATS node must
 * not take a service down with it).
 */
export function connectNats(opts: NatsConnectOptions): Promise<NatsConnection> {
  const url = opts.url ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  return connect({
    servers: url.split(',').map((s) => s.trim()),
    name: opts.name,
    noAsyncTraces: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    pingInterval: 10_000,
  });
}
