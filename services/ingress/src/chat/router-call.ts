import type { NatsConnection } from '@nats-io/transport-node';
import {
  type EndFrame,
  type ErrorFrame,
  FrameKind,
  GatehouseError,
  RouterCompleteV1,
  type RpcRequest,
} from '@gatehouse/contracts';
import { type CallContext, contextHeaders, decodeJson, encodeJson, type FrameStream, FrameStreamError, type FrameStreams } from '@gatehouse/nats';

export type RouterFrame =
  | { kind: 'chunk'; raw: Uint8Array }
  | { kind: 'end'; frame: EndFrame }
  | { kind: 'error'; frame: ErrorFrame };

/**
 * Ingress's end of one `router.complete` call: publishes the request with a reply subject of its
 * own inbox stream, waits for the router to accept it, then yields its frames in order. A router
 * that is not running, silent twice, or whose frames arrive with a gap becomes an error, never a hang.
 */
/** Asks for a router's acceptance at most this often (see `start`). */
const ACCEPT_ATTEMPTS = 2;

export class RouterCall {
  private constructor(private readonly stream: FrameStream) {}

  static async start(
    nc: NatsConnection,
    streams: FrameStreams,
    payload: RpcRequest<typeof RouterCompleteV1>,
    ctx: CallContext,
    timeouts: { acceptMs: number; idleMs: number },
  ): Promise<RouterCall> {
    // A request published just as a router dies (before the server noticed) is lost with it. The
    // router accepts before it does anything, so a request never accepted is asked once more, of
    // whichever replica takes it (a router slower than acceptMs to accept may then run it twice;
    // its late frames go to a closed inbox).
    for (let attempt = 1; ; attempt++) {
      const stream = streams.open(timeouts.idleMs);
      nc.publish(RouterCompleteV1.subject, encodeJson(payload), { reply: stream.replySubject, headers: contextHeaders(ctx) });
      try {
        const first = await stream.next(timeouts.acceptMs);
        if (first.kind !== FrameKind.accepted) throw new FrameStreamError('gap', `expected accepted, got ${first.kind}`);
        return new RouterCall(stream);
      } catch (err) {
        stream.close();
        if (attempt < ACCEPT_ATTEMPTS && err instanceof FrameStreamError && err.reason === 'timeout') continue;
        throw routerUnavailable(err, timeouts.acceptMs);
      }
    }
  }

  async next(): Promise<RouterFrame> {
    try {
      const f = await this.stream.next();
      if (f.kind === FrameKind.chunk) return { kind: 'chunk', raw: f.data };
      if (f.kind === FrameKind.end) return { kind: 'end', frame: decodeJson(f.data) as EndFrame };
      if (f.kind === FrameKind.error) return { kind: 'error', frame: decodeJson(f.data) as ErrorFrame };
      throw new FrameStreamError('gap', `unexpected frame ${f.kind}`);
    } catch (err) {
      const e = err instanceof FrameStreamError && err.reason === 'gap'
        ? { code: 'stream_interrupted', message: `The response stream from the router broke: ${err.message}.` }
        : { code: 'service_unavailable', message: 'The router stopped answering mid-request.' };
      return { kind: 'error', frame: { route: { deployment_id: null, provider: null, provider_model: null, attempts: 0, ttft_ms: null }, usage: null, error: e } };
    }
  }

  grant(n: number): void {
    this.stream.grant(n);
  }

  cancel(reason: string): void {
    this.stream.cancel(reason);
  }

  close(): void {
    this.stream.close();
  }
}

function routerUnavailable(err: unknown, acceptMs: number): GatehouseError {
  const why = err instanceof FrameStreamError && err.reason === 'no_responders' ? 'no instance is running' : `no answer within ${acceptMs} ms`;
  return new GatehouseError('service_unavailable', `The router service is unavailable: ${why}.`, {}, { cause: err });
}
