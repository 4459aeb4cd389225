import { z } from 'zod';
import { defineRpc, type ServiceName, Services } from '../contract';

/** What one replica says about itself; `details` is service-specific (router: deployment health). */
export const PingReply = z.object({
  service: z.string(),
  instance: z.string(),
  pid: z.number().int(),
  uptime_s: z.number(),
  in_flight: z.number().int(),
  ready: z.boolean(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type PingReply = z.infer<typeof PingReply>;

/**
 * `gh.rpc.<service>.ping.v1` — served by every replica *outside* the queue group, so one request
 * with several replies (nats.js `requestMany`) counts the live replicas. Ingress's `/health` uses it.
 */
export function pingContract(service: ServiceName) {
  return defineRpc({
    service,
    op: 'ping',
    version: 1,
    description: `Every ${service} replica answers with its state (not load-balanced).`,
    timeoutMs: 300,
    request: z.object({}),
    response: PingReply,
    example: {
      request: {},
      response: { service, instance: 'a1b2c3', pid: 4242, uptime_s: 12.5, in_flight: 0, ready: true },
    },
  });
}

export const PingContracts = Object.fromEntries(Object.values(Services).map((s) => [s, pingContract(s)])) as Record<
  ServiceName,
  ReturnType<typeof pingContract>
>;
