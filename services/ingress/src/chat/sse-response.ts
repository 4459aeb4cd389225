import type { ServerResponse } from 'node:http';
import type { EndFrame, GatehouseError } from '@gatehouse/contracts';
import type { StreamEncoder } from '../protocols/client-protocol';

/**
 * A streamed answer on the raw socket, in the client's protocol (the encoder's). Headers go out
 * with the first bytes, so a failure before them can still be a proper HTTP error (and a
 * failover stays invisible). Each chunk is written as it arrives: nothing is buffered.
 * `onWritten` reports when the socket took the bytes (at once, or after 'drain'), which is when
 * ingress grants the router more credit.
 */
export class SseResponse {
  private started = false;
  private closedByClient = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly encoder: StreamEncoder,
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

  /** Writes one chunk; calls `onWritten` once the socket accepted it (or at once if nothing to write). */
  chunk(json: Uint8Array, onWritten: () => void): void {
    if (this.clientGone) return;
    const bytes = this.encoder.chunk(json);
    if (!bytes) return onWritten();
    this.start();
    if (this.res.write(bytes)) onWritten();
    else this.res.once('drain', onWritten);
  }

  done(frame: EndFrame): void {
    if (this.clientGone) return;
    this.start();
    this.res.end(this.encoder.end(frame));
  }

  /** An error after the stream started, in the protocol's in-stream error form; then close. */
  fail(err: GatehouseError): void {
    if (this.clientGone) return;
    this.start();
    this.res.end(this.encoder.error(err));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.onStart();
    this.res.writeHead(200, {
      ...this.headers,
      'content-type': this.encoder.contentType,
      'cache-control': 'no-cache',
      // No `connection` here: Node sets keep-alive itself, and a draining ingress has set
      // `connection: close` (http/drain.ts), which this must not override.
      'x-accel-buffering': 'no',
    });
    this.res.flushHeaders();
  }
}
