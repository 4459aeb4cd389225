import type { ServerResponse } from 'node:http';
import type { GatehouseError } from '@gatehouse/contracts';

const DATA = Buffer.from('data: ');
const EOL2 = Buffer.from('\n\n');
const DONE = Buffer.from('data: [DONE]\n\n');

/**
 * An OpenAI-style SSE response on the raw socket. Headers go out with the first chunk, so a
 * failure before it can still be a proper HTTP error (and a failover stays invisible). Each chunk
 * is written as it arrives: nothing is buffered. `onWritten` reports when the socket took the
 * bytes (at once, or after 'drain'), which is when ingress grants the router more credit.
 */
export class SseResponse {
  private started = false;
  private closedByClient = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly headers: Record<string, string>,
    /** Called once, just before the first bytes: the framework must let go of the response. */
    private readonly onStart: () => void,
  ) {
    res.on('close', () => {
      if (!res.writableFinished) this.closedByClient = true;
    });
  }

  get clientGone(): boolean {
    return this.closedByClient || this.res.destroyed;
  }

  get hasStarted(): boolean {
    return this.started;
  }

  /** Writes one chunk's JSON; calls `onWritten` once the socket accepted it. */
  chunk(json: Uint8Array, onWritten: () => void): void {
    if (this.clientGone) return;
    this.start();
    const ok = this.res.write(Buffer.concat([DATA, json, EOL2]));
    if (ok) onWritten();
    else this.res.once('drain', onWritten);
  }

  done(): void {
    if (this.clientGone) return;
    this.start();
    this.res.end(DONE);
  }

  /** An error after the stream started: an SSE `error` event (what OpenAI's SDKs raise), then close. */
  fail(err: GatehouseError): void {
    if (this.clientGone) return;
    this.start();
    this.res.end(Buffer.concat([DATA, Buffer.from(JSON.stringify(err.toOpenAI())), EOL2]));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.onStart();
    this.res.writeHead(200, {
      ...this.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.res.flushHeaders();
  }
}
