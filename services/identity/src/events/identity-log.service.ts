import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  type EventContract,
  KeyIssuedV1,
  KeyRevokedV1,
  KeyRotatedV1,
  KeyUpdatedV1,
  Streams,
  TeamCreatedV1,
  TeamMemberAddedV1,
  TeamUpdatedV1,
} from '@gatehouse/contracts';
import { encodeJson, InjectNats, readStream } from '@gatehouse/nats';
import { applyEvent, emptyIdentityState, type IdentityEvent, type IdentityState, toIdentityEvent } from '../state/identity-state';

const STREAM = Streams.GH_IDENTITY.name;
const CONTRACTS: Record<IdentityEvent['type'], EventContract> = {
  'key.issued': KeyIssuedV1, 'key.updated': KeyUpdatedV1, 'key.rotated': KeyRotatedV1, 'key.revoked': KeyRevokedV1,
  'team.created': TeamCreatedV1, 'team.updated': TeamUpdatedV1, 'team.member_added': TeamMemberAddedV1,
};

/** Another replica appended first: decide again on the newer state. */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}

/**
 * GH_IDENTITY, read and written. At start it replays the stream with an ordered consumer and
 * serves nothing until it caught up; then it keeps following, so every replica applies every
 * event. Appends carry the expected last stream sequence (optimistic concurrency across replicas).
 */
@Injectable()
export class IdentityLog implements OnModuleInit, OnModuleDestroy {
  readonly state: IdentityState = emptyIdentityState();
  private readonly js: JetStreamClient;
  private readonly abort = new AbortController();
  private waiters: { seq: number; resolve: () => void }[] = [];
  private readonly log = new Logger('IdentityLog');

  constructor(@InjectNats() private readonly nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  async onModuleInit(): Promise<void> {
    const last = await this.lastSeq();
    void this.follow();
    await this.waitFor(last, 60_000);
  }

  onModuleDestroy(): void {
    this.abort.abort();
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }

  /** Resolves once this replica applied the stream up to `seq`; a 503 after `timeoutMs`. */
  waitFor(seq: number, timeoutMs = 2_000): Promise<void> {
    if (this.state.seq >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`identity state did not reach GH_IDENTITY #${seq} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ seq, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async lastSeq(): Promise<number> {
    const jsm = await jetstreamManager(this.nc);
    return (await jsm.streams.info(STREAM)).state.last_seq;
  }

  /** Publishes events in order, each expecting the previous one's sequence; returns the last sequence. */
  async append(events: IdentityEvent[], expectedSeq: number): Promise<number> {
    let last = expectedSeq;
    for (const e of events) {
      const contract = CONTRACTS[e.type];
      const valid = contract.schema.parse(e.data) as { event_id: string };
      try {
        const ack = await this.js.publish(contract.subject, encodeJson(valid), { msgID: valid.event_id, expect: { lastSequence: last }, timeout: 5_000 });
        last = ack.seq;
      } catch (err) {
        if (/wrong last sequence/i.test(String((err as Error).message))) throw new ConcurrentChangeError(`GH_IDENTITY moved past #${last}`, { cause: err });
        throw err;
      }
    }
    return last;
  }

  private async follow(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        for await (const e of readStream(this.nc, STREAM, { from: { first: true }, follow: true, signal: this.abort.signal })) {
          if (e.seq <= this.state.seq) continue; // a restarted read: already applied
          const event = toIdentityEvent(e.subject, e.data);
          if (!event) this.log.warn(`GH_IDENTITY #${e.seq} (${e.subject}) is not a known identity event; skipped`);
          applyEvent(this.state, event, e.seq);
          this.wake();
        }
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.log.warn(`GH_IDENTITY follow interrupted (${(err as Error).message}); resuming`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private wake(): void {
    if (!this.waiters.length) return;
    const ready = this.waiters.filter((w) => w.seq <= this.state.seq);
    if (!ready.length) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.state.seq);
    for (const w of ready) w.resolve();
  }
}
