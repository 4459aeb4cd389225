import { z } from 'zod';

/**
 * `gh.ctl.ingress.invalidate.v1` — identity tells every ingress replica (core NATS, no queue
 * group) to drop cached principals after it applied a key or team event, and collects one reply
 * per replica (`requestMany`) before it answers the admin call. `seq` is the GH_IDENTITY
 * sequence applied: ingress then refuses to cache older identity answers.
 */
export const IngressInvalidateV1 = {
  subject: 'gh.ctl.ingress.invalidate.v1',
  description: 'Drop cached principals of these keys/teams (or all); reply with the replica id.',
  request: z.object({
    seq: z.number().int().nonnegative(),
    key_ids: z.array(z.string()),
    team_ids: z.array(z.string()),
    all: z.boolean(),
  }),
  response: z.object({ instance: z.string() }),
  example: {
    request: { seq: 42, key_ids: ['key_7Qd2'], team_ids: [], all: false },
    response: { instance: 'ingress-4242-Xk2' },
  },
} as const;

/**
 * `gh.ctl.ingress.hello.v1` — an ingress replica announces itself (at start and every 10 s), so
 * identity knows how many invalidation replies to wait for.
 */
export const IngressHelloV1 = {
  subject: 'gh.ctl.ingress.hello.v1',
  description: 'An ingress replica is alive and caches principals.',
  request: z.object({ instance: z.string() }),
  example: { request: { instance: 'ingress-4242-Xk2' } },
} as const;

export const IdentityControlSubjects = [IngressInvalidateV1, IngressHelloV1] as const;
