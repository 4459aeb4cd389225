import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { encodeJson } from '@gatehouse/nats';
import { desiredOwners, eligibleMembers, type Lease, leaseStep, type Member } from './assign';
import { LeaseMirror } from './lease-mirror';

export const LEASE_BUCKET = 'gh_quota_leases';

export interface LeaseOptions {
  instanceId: string;
  partitions: number;
  /** A lease (and a member's heartbeat) not refreshed within this is dead. */
  ttlMs: number;
  /** Heartbeat period: the member key and every held lease are refreshed this often. */
  tickMs: number;
  /** How long an outgoing owner holds a partition's requests waiting for its successor to serve. */
  handoverTimeoutMs: number;
  now: () => number;
}

export interface LeaseEvents {
  /** A lease was taken: catch up, then serve (resolves once the subscription is registered). */
  gained(partition: number): Promise<void>;
  /** A graceful handover starts: stop admitting (hold new requests), flush the memory-only reservations. */
  pause(partition: number): Promise<void>;
  /** The handover could not start (flush failed): admit again; the next heartbeat retries. */
  resume(partition: number): Promise<void>;
  /** The successor serves the partition (or nobody came in time): stop receiving it, pass the held requests on. */
  handedOff(partition: number): Promise<void>;
  /** The lease could not be kept (self-fencing, or taken over): stop admitting at once. */
  lost(partition: number): Promise<void>;
  onError(err: unknown): void;
}

/**
 * Partition ownership by lease in a NATS KV bucket: `member.<id>` heartbeats say who is alive (and
 * who is leaving), rendezvous hashing says who should own what, and `partition.<NN>` holds
 * `{owner, expiresAt, serving}`, changed only by create or compare-and-set on its revision. A KV
 * watch mirrors the bucket, so a change (a member joins, drains or leaves; a lease is freed) is
 * acted on when it happens, not on the next poll.
 *
 * Handover without a gap (docs/adr/0005): the outgoing owner stops admitting but keeps receiving
 * (requests are held, not refused), flushes its memory-only reservations as events, then frees the
 * lease; the successor takes it by compare-and-set, catches up with the events (so it sees those
 * reservations), subscribes and marks the lease `serving`; only then does the outgoing owner
 * unsubscribe and pass the held requests on to it. A dead owner's lease is taken over once it
 * expired; an owner that could not refresh its lease in time stops serving it (self-fencing).
 */
export class LeaseKeeper {
  private kv: KV | null = null;
  private readonly mirror: LeaseMirror;
  private timer: NodeJS.Timeout | null = null;
  private beat: Promise<void> = Promise.resolve();
  private readonly held = new Map<number, { revision: number; expiresAt: number }>();
  private readonly serving = new Set<number>();
  /** Partitions with an acquisition or a handover under way: reconcile leaves them alone. */
  private readonly busy = new Map<number, Promise<void>>();
  /** Partitions being handed over: no longer refreshed. */
  private readonly leaving = new Set<number>();
  /** Writes to one partition's lease, in order, each with the revision current when it runs. */
  private readonly lanes = new Map<number, Promise<unknown>>();
  /** Handovers waiting for their successor, checked on every mirrored change. */
  private readonly watchers = new Set<() => void>();
  private draining = false;
  private reconcileQueued = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly opts: LeaseOptions,
    private readonly events: LeaseEvents,
  ) {
    this.mirror = new LeaseMirror(() => this.changed(), events.onError);
  }

  /** Joins: announces the member, loads the bucket, takes the free partitions it is desired for. */
  async start(): Promise<void> {
    this.kv = await new Kvm(this.nc).create(LEASE_BUCKET, { history: 1 });
    await this.putMember();
    await this.mirror.start(this.kv);
    this.reconcile();
    await Promise.all(this.busy.values());
    this.timer = setInterval(() => {
      this.beat = this.beat.then(() => this.heartbeat()).catch(this.events.onError);
    }, this.opts.tickMs);
  }

  /** Partitions served now. */
  get owned(): ReadonlySet<number> {
    return this.serving;
  }

  /** Stops heartbeats and watching, leaving the leases to expire (a crash, for tests). */
  abandon(): void {
    if (this.timer) clearInterval(this.timer);
    this.mirror.stop();
  }

  /**
   * Leaves: marks the member draining (every member recomputes the owners without it), hands every
   * partition over, then deletes the member. Bounded: what is not handed over in time is fenced.
   */
  async stop(): Promise<void> {
    this.draining = true;
    await this.beat;
    await this.putMember().catch(this.events.onError);
    const deadline = this.opts.now() + 2 * this.opts.handoverTimeoutMs + this.opts.ttlMs;
    for (;;) {
      this.reconcile();
      if (this.busy.size === 0 || this.opts.now() > deadline) break;
      await within(Promise.all(this.busy.values()), deadline - this.opts.now());
    }
    if (this.timer) clearInterval(this.timer);
    await this.beat;
    for (const p of [...this.held.keys(), ...this.serving]) await this.fence(p);
    this.mirror.stop();
    await this.kv!.delete(`member.${this.opts.instanceId}`).catch(() => undefined);
  }

  /** A mirrored change: wake waiting handovers, reconcile once for a burst of changes. */
  private changed(): void {
    for (const w of this.watchers) w();
    if (this.reconcileQueued) return;
    this.reconcileQueued = true;
    setImmediate(() => {
      this.reconcileQueued = false;
      this.reconcile();
    });
  }

  /** Compares the mirrored bucket with what this member holds and starts what must change. */
  private reconcile(): void {
    if (!this.kv) return;
    const me = this.opts.instanceId;
    const now = this.opts.now();
    const desired = desiredOwners(eligibleMembers(this.mirror.members, now, this.opts.ttlMs), this.opts.partitions);
    for (let p = 0; p < this.opts.partitions; p++) {
      if (this.busy.has(p)) continue;
      const h = this.held.get(p);
      const seen = this.mirror.lease(p);
      if (h && seen && seen.revision > h.revision && seen.lease.owner !== me) {
        this.run(p, () => this.fence(p)); // someone took it over after it expired here
        continue;
      }
      const lease: Lease | null = h ? { owner: me, expiresAt: h.expiresAt } : (seen?.lease ?? null);
      switch (leaseStep(me, this.draining ? '' : desired[p], lease, now)) {
        case 'acquire':
        case 'take_over':
          this.run(p, () => this.acquire(p, seen?.revision ?? null));
          break;
        case 'release':
          this.run(p, () => this.handOver(p));
          break;
        case 'keep':
        case 'wait':
        case 'none':
          break;
      }
    }
  }

  private run(p: number, task: () => Promise<void>): void {
    const done = task().then(
      () => {
        this.busy.delete(p);
        this.changed();
      },
      (err) => {
        this.busy.delete(p); // the next heartbeat looks again
        this.events.onError(err);
      },
    );
    this.busy.set(p, done);
  }

  private async acquire(p: number, revision: number | null): Promise<void> {
    const kv = this.kv!;
    const now = this.opts.now();
    let rev: number;
    try {
      rev = revision === null ? await kv.create(key(p), this.leaseValue(now, false)) : await kv.update(key(p), this.leaseValue(now, false), revision);
    } catch (err) {
      if (isCasConflict(err)) return; // another member moved first: the mirror will say who
      throw err;
    }
    this.held.set(p, { revision: rev, expiresAt: now + this.opts.ttlMs });
    try {
      await this.events.gained(p); // the heartbeat keeps refreshing the lease meanwhile
      this.serving.add(p);
      await this.write(p, true);
    } catch (err) {
      // Could not catch up or subscribe, or the lease moved: do not serve it.
      const h = this.held.get(p);
      await this.fence(p);
      if (h) await kv.delete(key(p), { previousSeq: h.revision }).catch(() => undefined);
      throw err;
    }
  }

  private async handOver(p: number): Promise<void> {
    try {
      await this.events.pause(p);
    } catch (err) {
      await this.events.resume(p);
      throw err;
    }
    this.leaving.add(p);
    try {
      await this.free(p);
      await this.successorServes(p);
    } finally {
      this.leaving.delete(p);
      this.serving.delete(p);
      await this.events.handedOff(p);
    }
  }

  /** Deletes the lease if it is still the one written here (else it was taken over: nothing to free). */
  private free(p: number): Promise<void> {
    return this.inLane(p, async () => {
      const h = this.held.get(p);
      this.held.delete(p);
      if (!h) return;
      try {
        await this.kv!.delete(key(p), { previousSeq: h.revision });
      } catch (err) {
        if (!isCasConflict(err)) throw err;
      }
    });
  }

  /** Refreshes a held lease (compare-and-set on the revision current in its lane). */
  private write(p: number, serving: boolean): Promise<void> {
    return this.inLane(p, async () => {
      const h = this.held.get(p);
      if (!h) return;
      const now = this.opts.now();
      const revision = await this.kv!.update(key(p), this.leaseValue(now, serving), h.revision);
      if (this.held.get(p) === h) this.held.set(p, { revision, expiresAt: now + this.opts.ttlMs });
    });
  }

  private inLane<T>(p: number, fn: () => Promise<T>): Promise<T> {
    const next = (this.lanes.get(p) ?? Promise.resolve()).then(fn, fn);
    this.lanes.set(p, next.catch(() => undefined));
    return next;
  }

  /** Resolves when another member serves the partition, when no member could, or after the handover timeout. */
  private successorServes(p: number): Promise<void> {
    const me = this.opts.instanceId;
    return new Promise((resolve) => {
      const check = () => {
        const now = this.opts.now();
        const l = this.mirror.lease(p)?.lease;
        const taken = l !== undefined && l.owner !== me && l.serving === true && l.expiresAt > now;
        const nobody = eligibleMembers(this.mirror.members, now, this.opts.ttlMs).every((m) => m === me);
        if (taken || nobody) done();
      };
      const done = () => {
        clearTimeout(timer);
        this.watchers.delete(check);
        resolve();
      };
      const timer = setTimeout(done, this.opts.handoverTimeoutMs);
      this.watchers.add(check);
      check();
    });
  }

  private async heartbeat(): Promise<void> {
    const now = this.opts.now();
    const ttl = this.opts.ttlMs;
    // Held leases are refreshed, those being acquired too (a slow catch-up must not let one expire).
    const due = [...this.held.keys()].filter((p) => !this.leaving.has(p));
    await Promise.all([
      this.putMember(),
      ...due.map(async (p) => {
        try {
          await this.write(p, this.serving.has(p));
        } catch (err) {
          if (!isCasConflict(err)) return this.events.onError(err); // the clock below fences it if this lasts
          if (!this.busy.has(p)) await this.fence(p); // written by another member: not ours any more
        }
      }),
    ]);
    // Self-fencing: a lease that could not be refreshed in time is not served.
    for (const [p, h] of this.held) if (!this.busy.has(p) && h.expiresAt - ttl / 3 <= this.opts.now()) await this.fence(p);
    await this.forgetDeadMembers(now);
    this.reconcile(); // expiries are a matter of time, not of a change the watch would report
  }

  /** Crashed replicas' member keys, unchanged for 10 ttl, are deleted (compare-and-set: a returning member wins). */
  private async forgetDeadMembers(now: number): Promise<void> {
    for (const [id, m] of this.mirror.members) {
      if (m.at > now - 10 * this.opts.ttlMs) continue;
      const revision = this.mirror.memberRevisions.get(id);
      if (revision !== undefined) await this.kv!.delete(`member.${id}`, { previousSeq: revision }).catch(() => undefined);
    }
  }

  private async fence(p: number): Promise<void> {
    this.held.delete(p);
    if (this.serving.delete(p)) await this.events.lost(p);
  }

  private putMember(): Promise<number> {
    const m: Member = { at: this.opts.now(), ...(this.draining ? { draining: true } : {}) };
    return this.kv!.put(`member.${this.opts.instanceId}`, encodeJson(m));
  }

  private leaseValue(now: number, serving: boolean): Uint8Array {
    return encodeJson({ owner: this.opts.instanceId, expiresAt: now + this.opts.ttlMs, serving } satisfies Lease);
  }
}

const key = (p: number) => `partition.${String(p).padStart(2, '0')}`;
const isCasConflict = (err: unknown) => /wrong last sequence|key exists/i.test(String(err));

/** Waits for `p`, at most `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((r) => (timer = setTimeout(r, Math.max(1, ms))))]);
  clearTimeout(timer);
}
