import type { KV, KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/transport-node';
import { decodeJson } from '@gatehouse/nats';
import type { Lease, Member } from './assign';

export interface MirroredLease {
  lease: Lease;
  revision: number;
}

/**
 * An in-memory copy of the lease bucket kept by one KV watch: members and partition leases with
 * their revisions (for compare-and-set). Replaces reading 64 keys on every tick; `onChange` fires
 * only when something that can move a partition changed (a member came, left or is draining; a
 * lease changed owner, was freed or started serving), not on every heartbeat.
 */
export class LeaseMirror {
  readonly members = new Map<string, Member>();
  /** Each member key's revision (a stale member is deleted only if unchanged since). */
  readonly memberRevisions = new Map<string, number>();
  private readonly leases = new Map<number, MirroredLease>();
  private watch: QueuedIterator<KvWatchEntry> | null = null;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly onChange: () => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Resolves once the bucket's current content is loaded (the bucket must hold at least one key). */
  async start(kv: KV): Promise<void> {
    this.watch = await kv.watch({ key: '>' });
    let synced!: () => void;
    const ready = new Promise<void>((r) => (synced = r));
    const watch = this.watch;
    this.loop = (async () => {
      for await (const e of watch) {
        const changed = this.apply(e);
        if (e.delta === 0) synced();
        if (changed) this.onChange();
      }
    })().catch(this.onError);
    await ready;
  }

  stop(): void {
    this.watch?.stop();
  }

  async stopped(): Promise<void> {
    await this.loop;
  }

  lease(partition: number): MirroredLease | null {
    return this.leases.get(partition) ?? null;
  }

  private apply(e: KvWatchEntry): boolean {
    const put = e.operation === 'PUT';
    if (e.key.startsWith('member.')) {
      const id = e.key.slice('member.'.length);
      const before = this.members.get(id);
      if (!put) {
        this.memberRevisions.delete(id);
        return this.members.delete(id);
      }
      const m = decodeJson(e.value) as Member;
      this.members.set(id, m);
      this.memberRevisions.set(id, e.revision);
      return !before || Boolean(before.draining) !== Boolean(m.draining);
    }
    if (e.key.startsWith('partition.')) {
      const p = Number(e.key.slice('partition.'.length));
      const before = this.leases.get(p);
      if (!put) return this.leases.delete(p);
      const lease = decodeJson(e.value) as Lease;
      this.leases.set(p, { lease, revision: e.revision });
      return !before || before.lease.owner !== lease.owner || Boolean(before.lease.serving) !== Boolean(lease.serving);
    }
    return false;
  }
}
