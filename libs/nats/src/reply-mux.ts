import { type Msg, type MsgHdrs, type NatsConnection, nuid, type Subscription } from '@nats-io/transport-node';

export class ReplyTimeoutError extends Error {
  override readonly name = 'ReplyTimeoutError';
}

export class NoRespondersError extends Error {
  override readonly name = 'NoRespondersError';
}

interface Waiting {
  resolve(msg: Msg): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Request-reply over one wildcard inbox subscription per connection, like nats.js's own muxed
 * `request()`, minus its per-call cost: nats.js 3 rejects an already-settled promise with a
 * freshly constructed (stack-traced) `RequestError("cancelled")` after every successful reply,
 * ~3% of a gateway request's CPU (see bench/RESULTS.md). Here a reply costs a map look-up.
 */
export class ReplyMux {
  private readonly prefix = `_INBOX.gh.${nuid.next()}.r`;
  private readonly waiting = new Map<string, Waiting>();
  private readonly sub: Subscription;
  private next = 0;

  constructor(private readonly nc: NatsConnection) {
    this.sub = nc.subscribe(`${this.prefix}.*`, { callback: (_err, msg) => this.settle(msg) });
  }

  request(subject: string, data: Uint8Array, timeoutMs: number, headers?: MsgHdrs): Promise<Msg> {
    const token = (this.next++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(token);
        reject(new ReplyTimeoutError(`no reply on ${subject} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(token, { resolve, reject, timer });
      this.nc.publish(subject, data, { reply: `${this.prefix}.${token}`, headers });
    });
  }

  async close(): Promise<void> {
    await this.sub.drain();
  }

  private settle(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length + 1);
    const w = this.waiting.get(token);
    if (!w) return; // late reply after a timeout
    this.waiting.delete(token);
    clearTimeout(w.timer);
    // nats-server answers a request nobody subscribes to with an empty 503 status message.
    if (msg.data.length === 0 && msg.headers?.code === 503) w.reject(new NoRespondersError('no responders'));
    else w.resolve(msg);
  }
}
