import { type NatsConnection, nuid, type Subscription } from '@nats-io/transport-node';
import { type PingReply, pingContract, type ServiceName, Services } from '@gatehouse/contracts';
import { decodeJson, encodeJson } from './codec';

export interface PingState {
  ready: boolean;
  inFlight?: number;
  details?: Record<string, unknown>;
}

/**
 * Answers `gh.rpc.<service>.ping.v1` for a service that has no NatsRpcTransport (the ledger):
 * every replica replies, outside any queue group.
 */
export function servePing(nc: NatsConnection, service: ServiceName, state: () => PingState): Subscription {
  const instance = nuid.next().slice(-8);
  const started = Date.now();
  return nc.subscribe(pingContract(service).subject, {
    callback: (_err, msg) => {
      const s = state();
      const reply: PingReply = {
        service, instance, pid: process.pid, uptime_s: Math.round((Date.now() - started) / 100) / 10,
        in_flight: s.inFlight ?? 0, ready: s.ready, ...(s.details ? { details: s.details } : {}),
      };
      msg.respond(encodeJson(reply));
    },
  });
}

/** Scatter-gather: every live replica of every service, each service asked in parallel. */
export async function pingAll(nc: NatsConnection, waitMs = 250): Promise<Record<ServiceName, PingReply[]>> {
  const services = Object.values(Services);
  const replies = await Promise.all(
    services.map(async (s) => {
      const out: PingReply[] = [];
      try {
        const it = await nc.requestMany(pingContract(s).subject, new Uint8Array(), { strategy: 'stall', maxWait: waitMs, stall: 30 });
        for await (const m of it) if (m.data.length > 0) out.push(decodeJson(m.data) as PingReply);
      } catch {
        // no responders: zero replicas
      }
      return [s, out] as const;
    }),
  );
  return Object.fromEntries(replies) as Record<ServiceName, PingReply[]>;
}
