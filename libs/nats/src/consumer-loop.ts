import type { Consumer, ConsumerMessages } from '@nats-io/jetstream';
import { backoffMs, sleep } from './backoff';

export interface ConsumerLoopOptions {
  /**
   * Opens the consumer of one run. Called again for every run (after a failure or a `restart()`),
   * so this is where a run decides where it starts: a checkpoint re-read, a durable ensured.
   * `stop()` does not wait for an `open()` that cannot finish (a database that is not up yet).
   */
  open(): Promise<Consumer>;
  /** How many messages a run pulls ahead of its handler. */
  maxMessages: number;
  /**
   * Reads one run's messages. Returning (the messages ended: `restart()` or `stop()`) opens the
   * next run at once; throwing opens it after a backoff.
   */
  handle(messages: ConsumerMessages): Promise<void>;
  /** A run failed (in `open` or `handle`) and the next one starts in `retryInMs`. Not told while stopping. */
  onError(err: unknown, retryInMs: number): void;
  /** The pause after `attempt` failures in a row (counted from the last run that got to consume). */
  backoff?: (attempt: number) => number;
}

/**
 * Keeps one JetStream consumer reading until stopped: opens it, hands its messages to a handler,
 * and when anything fails, opens it again after an exponential backoff, so a projection outlives
 * NATS or database outages without losing its place (where it starts is `open`'s to decide).
 */
export class ConsumerLoop {
  private readonly stopping = new AbortController();
  private messages: ConsumerMessages | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly opts: ConsumerLoopOptions) {}

  /** Aborts on `stop()`: for the handler's own waits (a write retried with backoff). */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  start(): void {
    if (!this.stopped) this.running ??= this.run();
  }

  /** Ends the current run; the next opens a new consumer straight away. */
  restart(): void {
    this.messages?.stop();
  }

  /** Ends the current run and opens no other; resolves when the handler has returned. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.messages?.stop();
    await this.running;
  }

  private async run(): Promise<void> {
    const backoff = this.opts.backoff ?? ((attempt: number) => backoffMs(attempt));
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        const consumer = await unlessAborted(this.opts.open(), this.signal);
        if (!consumer) return;
        this.messages = await consumer.consume({ max_messages: this.opts.maxMessages });
        if (this.stopped) return;
        attempt = 0;
        await this.opts.handle(this.messages);
      } catch (err) {
        if (this.stopped) return;
        const delay = backoff(attempt);
        this.opts.onError(err, delay);
        await sleep(delay, this.signal);
      } finally {
        this.messages?.stop();
        this.messages = null;
      }
    }
  }
}

/** `work`'s result, or null as soon as `signal` aborts (a later failure of `work` is then ignored). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve(null);
  }
  return new Promise<T | null>((resolve, reject) => {
    const abort = () => resolve(null);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
