import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { decodeJson, encodeJson } from '@gatehouse/nats';
import { desiredOwners, type Lease, leaseStep } from './assign';

export const LEASE_BUCKET = 'gh_quota_leases';

export interface LeaseOptions {
  instanceId: string;
  partitions: number;
  /** A lease (and a member's heartbeat) not refreshed within this is dead. */
  ttlMs: number;
  tickMs: number;
  now: () => number;
}

export interface LeaseEvents {
  /** Called before serving a partition taken (the projection must be caught up). */
  gained(partition: number): Promise<void>;
  /** Called after the partition stopped being served, before its lease is deleted (flush). */
  lost(partition: number, graceful: boolean): Promise<void>;
  onError(err: unknown): void;
}

/**
 * Partition ownership by lease in a NATS KV bucket: `member.<id>` heartbeats say who is alive,
 * rendezvous hashing says who should own what, and `partition.<NN>` holds `{owner, expiresAt}`,
 * changed only by create or compare-and-set on its revision. An owner serves a partition only while
 * its lease is valid by its own clock minus a margin (self-fencing), hands it over (flush, delete)
 * when a member joins, and a dead owner's lease is taken over after it expired.
 */
export class LeaseKeeper {
  private kv: KV | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly held = new Map<number, { revision: number; expiresAt: number }>();
  private readonly serving = new Set<number>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly opts: LeaseOptions,
    private readonly events: LeaseEvents,
  ) {}

  async start(): Promise<void> {
    this.kv = await new Kvm(this.nc).create(LEASE_BUCKET, { history: 1 });
    await this.tick();
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch(this.events.onError);
    }, this.opts.tickMs);
  }

  /** Partitions served now. */
  get owned(): ReadonlySet<number> {
    return this.serving;
  }

  /** Stops ticking and serving nothing new, leaving the leases to expire (a crash, for tests). */
  abandon(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Hands every partition over (flush, delete lease) and leaves the member list. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    const kv = this.kv!;
    for (const [p, h] of [...this.held]) {
      await this.drop(p, true);
      await kv.delete(key(p), { previousSeq: h.revision }).catch(() => undefined);
    }
    await kv.delete(`member.${this.opts.instanceId}`).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    const kv = this.kv!;
    const now = this.opts.now();
    await kv.put(`member.${this.opts.instanceId}`, encodeJson({ at: now }));
    const members: string[] = [];
    for await (const k of await kv.keys('member.*')) {
      const e = await kv.get(k);
      const at = e && e.operation === 'PUT' ? (decodeJson(e.value) as { at: number }).at : 0;
      if (at > now - this.opts.ttlMs) members.push(k.slice('member.'.length));
    }
    const desired = desiredOwners(members, this.opts.partitions);
    // Partitions are independent: one round of KV operations for all of them, not 64 in a row.
    await Promise.all(
      desired.map(async (owner, p) => {
        try {
          await this.step(kv, p, owner, now);
        } catch (err) {
          // Lost a compare-and-set race: someone else moved first; look again next tick.
          if (this.held.has(p)) await this.drop(p, false);
          this.held.delete(p);
          if (!/wrong last sequence|key exists/i.test(String(err))) this.events.onError(err);
        }
      }),
    );
    // Self-fencing: a lease this replica could not refresh in time is not served.
    for (const [p, h] of this.held) if (h.expiresAt - this.opts.ttlMs / 3 <= this.opts.now()) await this.drop(p, false);
  }

  private async step(kv: KV, p: number, desired: string, now: number): Promise<void> {
    const e = await kv.get(key(p));
    const lease = e && e.operation === 'PUT' ? (decodeJson(e.value) as Lease) : null;
    const me = this.opts.instanceId;
    const value = encodeJson({ owner: me, expiresAt: now + this.opts.ttlMs } satisfies Lease);
    switch (leaseStep(me, desired, lease, now)) {
      case 'acquire':
      case 'take_over': {
        const revision = lease ? await kv.update(key(p), value, e!.revision) : await kv.create(key(p), value);
        this.held.set(p, { revision, expiresAt: now + this.opts.ttlMs });
        await this.events.gained(p);
        this.serving.add(p);
        return;
      }
      case 'refresh': {
        const revision = await kv.update(key(p), value, e!.revision);
        this.held.set(p, { revision, expiresAt: now + this.opts.ttlMs });
        if (!this.serving.has(p)) {
          await this.events.gained(p);
          this.serving.add(p);
        }
        return;
      }
      case 'release':
        await this.drop(p, true);
        await kv.delete(key(p), { previousSeq: e!.revision });
        this.held.delete(p);
        return;
      case 'wait':
      case 'none':
        if (this.held.has(p) || this.serving.has(p)) await this.drop(p, false);
        this.held.delete(p);
        return;
    }
  }

  private async drop(p: number, graceful: boolean): Promise<void> {
    if (!this.serving.delete(p)) return;
    await this.events.lost(p, graceful);
  }
}

const key = (p: number) => `partition.${String(p).padStart(2, '0')}`;
