import { headers as natsHeaders, type Msg, type NatsConnection, type Subscription, nuid } from '@nats-io/transport-node';
import {
  type AcceptedFrame,
  type ControlMessage,
  type EndFrame,
  type ErrorFrame,
  FrameHeaders,
  FrameKind,
} from '@gatehouse/contracts';
import { decodeJson, encodeJson } from './codec';

/**
 * The router's side of a frame stream (see RouterCompleteV1 in contracts): numbers every frame,
 * holds chunks back while ingress has granted no credit, and turns a `cancel` into an abort.
 * Heartbeats (`Gh-Frame: hb`, unnumbered) tell ingress the router is alive while a provider thinks.
 */
export class FrameSender {
  private seq = 0;
  private credit: number;
  private creditWaiter: (() => void) | null = null;
  private readonly abort = new AbortController();
  lastSentAt = Date.now();
  done = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly reply: string,
    readonly controlSubject: string,
    initialCredit: number,
    private readonly onDone: () => void,
  ) {
    this.credit = initialCredit;
  }

  /** Aborted when ingress cancels (the client went away). Pass it to the upstream call. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  accepted(initialCredit: number): void {
    const frame: AcceptedFrame = { control_subject: this.controlSubject, initial_credit: initialCredit };
    this.publish(FrameKind.accepted, encodeJson(frame));
  }

  /** Sends one chunk, first waiting for credit; resolves false if the stream was cancelled. */
  async chunk(chunk: unknown): Promise<boolean> {
    while (this.credit <= 0 && !this.abort.signal.aborted) {
      await new Promise<void>((resolve) => (this.creditWaiter = resolve));
    }
    if (this.abort.signal.aborted) return false;
    this.credit--;
    this.publish(FrameKind.chunk, encodeJson(chunk));
    return true;
  }

  end(frame: EndFrame): void {
    this.finish(FrameKind.end, frame);
  }

  error(frame: ErrorFrame): void {
    this.finish(FrameKind.error, frame);
  }

  heartbeat(): void {
    const h = natsHeaders();
    h.set(FrameHeaders.kind, 'hb');
    this.nc.publish(this.reply, undefined, { headers: h });
    this.lastSentAt = Date.now();
  }

  control(msg: ControlMessage): void {
    if (msg.type === 'credit') this.credit += msg.n;
    else this.abort.abort(new Error(`cancelled by ingress: ${msg.reason}`));
    const wake = this.creditWaiter;
    this.creditWaiter = null;
    wake?.();
  }

  private finish(kind: FrameKind, frame: EndFrame | ErrorFrame): void {
    if (this.done) return;
    this.publish(kind, encodeJson(frame));
    this.done = true;
    this.onDone();
  }

  private publish(kind: FrameKind, data: Uint8Array): void {
    if (this.done) return;
    const h = natsHeaders();
    h.set(FrameHeaders.kind, kind);
    h.set(FrameHeaders.seq, String(this.seq++));
    this.nc.publish(this.reply, data, { headers: h });
    this.lastSentAt = Date.now();
  }
}

/**
 * One control subscription per router process (`gh.ctl.router.<instance>.*`) routes credit and
 * cancel messages to the right FrameSender, and sends heartbeats for quiet streams. One wildcard
 * subscription instead of one per request: no subscription churn on the cluster.
 */
export class FrameSenders {
  private readonly senders = new Map<string, FrameSender>();
  private readonly prefix: string;
  private readonly sub: Subscription;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly nc: NatsConnection,
    service: string,
    readonly heartbeatMs = 2_000,
  ) {
    this.prefix = `gh.ctl.${service}.${nuid.next()}`;
    this.sub = nc.subscribe(`${this.prefix}.*`, {
      callback: (_err, msg) => {
        const token = msg.subject.slice(this.prefix.length + 1);
        const sender = this.senders.get(token);
        if (sender) sender.control(decodeJson(msg.data) as ControlMessage);
      },
    });
    this.timer = setInterval(() => this.beat(), heartbeatMs);
    this.timer.unref();
  }

  /** Opens the sender for one request whose frames go to `reply`. */
  open(reply: string, initialCredit: number): FrameSender {
    const token = nuid.next();
    const sender = new FrameSender(this.nc, reply, `${this.prefix}.${token}`, initialCredit, () =>
      this.senders.delete(token),
    );
    this.senders.set(token, sender);
    return sender;
  }

  get active(): number {
    return this.senders.size;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sub.drain();
  }

  private beat(): void {
    const quiet = Date.now() - this.heartbeatMs;
    for (const s of this.senders.values()) if (s.lastSentAt <= quiet) s.heartbeat();
  }
}

/** One received frame; `data` is the raw JSON, decoded only by who needs it. */
export interface Frame {
  kind: FrameKind;
  seq: number;
  data: Uint8Array;
}

export class FrameStreamError extends Error {
  override readonly name = 'FrameStreamError';
  constructor(
    readonly reason: 'no_responders' | 'timeout' | 'gap',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Ingress's side: one wildcard inbox subscription per process, one FrameStream per request.
 * A stream checks that sequence numbers are gapless (a lost frame ends the stream with an error,
 * never a silent truncation) and that the router speaks at least every `idleMs`.
 */
export class FrameStreams {
  private readonly streams = new Map<string, FrameStream>();
  private readonly prefix: string;
  private readonly sub: Subscription;

  constructor(private readonly nc: NatsConnection) {
    this.prefix = `_INBOX.gh.${nuid.next()}`;
    this.sub = nc.subscribe(`${this.prefix}.*`, {
      callback: (_err, msg) => this.streams.get(msg.subject.slice(this.prefix.length + 1))?.push(msg),
    });
  }

  open(idleMs: number): FrameStream {
    const token = nuid.next();
    const stream = new FrameStream(this.nc, `${this.prefix}.${token}`, idleMs, () => this.streams.delete(token));
    this.streams.set(token, stream);
    return stream;
  }

  async close(): Promise<void> {
    await this.sub.drain();
  }
}

export class FrameStream {
  private expected = 0;
  private readonly queue: (Frame | FrameStreamError)[] = [];
  private waiter: ((f: Frame | FrameStreamError) => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private control: string | null = null;
  private closed = false;

  constructor(
    private readonly nc: NatsConnection,
    readonly replySubject: string,
    private readonly idleMs: number,
    private readonly onClose: () => void,
  ) {}

  /** The next frame; rejects with FrameStreamError when the router is gone or a frame was lost. */
  async next(firstFrameTimeoutMs?: number): Promise<Frame> {
    const item =
      this.queue.shift() ??
      (await new Promise<Frame | FrameStreamError>((resolve) => {
        this.waiter = resolve;
        const ms = firstFrameTimeoutMs ?? this.idleMs;
        this.timer = setTimeout(
          () => this.deliver(new FrameStreamError('timeout', `no frame within ${ms} ms`)),
          ms,
        );
      }));
    if (item instanceof FrameStreamError) throw item;
    if (item.kind === FrameKind.accepted) {
      this.control = (decodeJson(item.data) as AcceptedFrame).control_subject;
    }
    return item;
  }

  grant(n: number): void {
    this.sendControl({ type: 'credit', n });
  }

  cancel(reason: string): void {
    this.sendControl({ type: 'cancel', reason });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.onClose();
  }

  /** Called by FrameStreams for every message on this stream's inbox. */
  push(msg: Msg): void {
    const h = msg.headers;
    if (h?.code === 503) return this.deliver(new FrameStreamError('no_responders', 'no instance is running'));
    const kind = h?.get(FrameHeaders.kind);
    if (kind === 'hb') return this.rearm();
    const seq = Number(h?.get(FrameHeaders.seq));
    if (seq !== this.expected) {
      return this.deliver(new FrameStreamError('gap', `frame ${this.expected} lost (got ${seq})`));
    }
    this.expected++;
    this.deliver({ kind: kind as FrameKind, seq, data: msg.data });
  }

  private sendControl(m: ControlMessage): void {
    if (this.control && !this.closed) this.nc.publish(this.control, encodeJson(m));
  }

  private rearm(): void {
    if (!this.timer || !this.waiter) return;
    this.timer.refresh();
  }

  private deliver(item: Frame | FrameStreamError): void {
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      w(item);
    } else {
      this.queue.push(item);
    }
  }
}
