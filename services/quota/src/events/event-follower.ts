import { type JetStreamManager, jetstreamManager, type StreamState } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { readStream, type StoredEvent } from '@gatehouse/nats';
import { Metrics } from '@gatehouse/telemetry';

/**
 * Follows one stream from a point in time for the life of the service, handing each event to
 * `apply` in stream order. `caughtUp()` resolves once everything that was in the stream when it
 * was called has been applied: what a new partition owner waits for before serving.
 */
export class EventFollower {
  private applied = 0;
  private readonly waiters: { seq: number; resolve: () => void }[] = [];
  private loop: Promise<void> = Promise.resolve();
  private jsm: Promise<JetStreamManager> | null = null;
  private nextRead: Promise<StreamState> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly stream: string,
    private readonly apply: (e: StoredEvent) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(since: Date, signal: AbortSignal): void {
    this.loop = (async () => {
      try {
        for await (const e of readStream(this.nc, this.stream, { from: { since }, follow: true, signal })) {
          try {
            this.apply(e);
          } catch (err) {
            this.onError(err);
          }
          this.applied = e.seq;
          if (e.pending !== undefined) Metrics.consumerPending.set({ stream: this.stream, consumer: 'quota-projection' }, e.pending);
          this.wake();
        }
      } catch (err) {
        if (!signal.aborted) this.onError(err);
      }
    })();
  }

  get lastApplied(): number {
    return this.applied;
  }

  /** Resolves when every event in the stream now (from the start point on) is applied. */
  async caughtUp(since: Date, timeoutMs = 30_000): Promise<void> {
    const s = await this.streamState();
    if (s.messages === 0 || s.last_seq <= this.applied || new Date(s.last_ts) < since) return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${this.stream} not caught up to ${s.last_seq} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ seq: s.last_seq, resolve: () => (clearTimeout(t), resolve()) });
    });
  }

  /**
   * The stream's state, read after this call: callers in the same turn of the event loop (a
   * takeover of many partitions at once) share one request, sent once they all have asked.
   */
  private streamState(): Promise<StreamState> {
    if (this.nextRead) return this.nextRead;
    const read = new Promise<StreamState>((resolve, reject) => {
      setImmediate(() => {
        this.nextRead = null;
        // One manager for the follower's life (each new one asks the server for account info first).
        this.jsm ??= jetstreamManager(this.nc, { checkAPI: false });
        this.jsm.then((m) => m.streams.info(this.stream)).then((i) => resolve(i.state), reject);
      });
    });
    this.nextRead = read;
    return read;
  }

  /** Resolves once the event with sequence `seq` (or a later one) is applied. */
  reached(seq: number, timeoutMs: number): Promise<boolean> {
    if (this.applied >= seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push({ seq, resolve: () => (clearTimeout(t), resolve(true)) });
    });
  }

  async stopped(): Promise<void> {
    await this.loop;
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].seq <= this.applied) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
