import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { IngressHelloV1, IngressInvalidateV1 } from '@gatehouse/contracts';
import { decodeJson, encodeJson, InjectNats } from '@gatehouse/nats';

/** An ingress replica not heard from (hello or reply) for this long is presumed gone. */
const FORGET_AFTER_MS = 35_000;
const MAX_WAIT_MS = 2_000;
/** With no known replicas: stop once no new reply came for this long. */
const STALL_MS = 150;

export interface Invalidation {
  seq: number;
  key_ids: string[];
  team_ids: string[];
  all: boolean;
}

/**
 * Tells every ingress replica to drop cached principals and waits for each to confirm, so an
 * admin call returns only once revocation is visible everywhere. Replicas announce themselves
 * (`hello`); identity waits for every one it knows, or, knowing none, until replies stall.
 */
@Injectable()
export class Invalidator implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly seen = new Map<string, number>();
  private sub: Subscription | null = null;
  private readonly log = new Logger('Invalidator');

  constructor(@InjectNats() private readonly nc: NatsConnection) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sub = this.nc.subscribe(IngressHelloV1.subject, {
      callback: (_err, msg) => {
        const hello = IngressHelloV1.request.safeParse(safeDecode(msg.data));
        if (hello.success) this.seen.set(hello.data.instance, Date.now());
      },
    });
    // Learn the replicas that started before this identity did (a no-op invalidation).
    await this.broadcast({ seq: 0, key_ids: [], team_ids: [], all: false });
  }

  onModuleDestroy(): void {
    this.sub?.unsubscribe();
  }

  /** Returns the replicas that confirmed and those that did not answer in time. */
  async broadcast(inv: Invalidation): Promise<{ confirmed: string[]; missing: string[] }> {
    const now = Date.now();
    for (const [id, at] of this.seen) if (now - at > FORGET_AFTER_MS) this.seen.delete(id);
    const expected = new Set(this.seen.keys());
    const confirmed = new Set<string>();
    try {
      const replies = await this.nc.requestMany(IngressInvalidateV1.subject, encodeJson(inv), expected.size
        ? { strategy: 'timer', maxWait: MAX_WAIT_MS }
        : { strategy: 'stall', maxWait: MAX_WAIT_MS, stall: STALL_MS });
      for await (const m of replies) {
        const reply = IngressInvalidateV1.response.safeParse(safeDecode(m.data));
        if (!reply.success) continue;
        confirmed.add(reply.data.instance);
        this.seen.set(reply.data.instance, Date.now());
        if (expected.size && [...expected].every((id) => confirmed.has(id))) break;
      }
    } catch {
      // No responders: no ingress is running, nothing is cached anywhere.
    }
    const missing = [...expected].filter((id) => !confirmed.has(id));
    if (missing.length) this.log.warn(`ingress replicas ${missing.join(', ')} did not confirm invalidation #${inv.seq}; their cache TTL bounds staleness`);
    return { confirmed: [...confirmed], missing };
  }
}

function safeDecode(data: Uint8Array): unknown {
  try {
    return decodeJson(data);
  } catch {
    return null;
  }
}
