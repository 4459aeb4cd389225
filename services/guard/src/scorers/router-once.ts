import type { NatsConnection } from '@nats-io/transport-node';
import { type EndFrame, type ErrorFrame, FrameKind, RouterCompleteV1, type RpcRequest } from '@gatehouse/contracts';
import { contextHeaders, decodeJson, encodeJson, type FrameStreams } from '@gatehouse/nats';

/**
 * A non-streaming `gh.rpc.router.complete.v1` call, the way ingress makes one: publish with a
 * frame inbox as reply subject, read `accepted` then `end` (or `error`). The guard model is a
 * deployment like any other; only the router holds its credentials.
 */
export async function completeOnce(
  nc: NatsConnection,
  streams: FrameStreams,
  payload: RpcRequest<typeof RouterCompleteV1>,
  timeoutMs: number,
): Promise<string> {
  const stream = streams.open(timeoutMs);
  const deadline = performance.now() + timeoutMs;
  nc.publish(RouterCompleteV1.subject, encodeJson(payload), { reply: stream.replySubject, headers: contextHeaders({ requestId: payload.request_id }) });
  try {
    for (;;) {
      const left = Math.max(1, Math.round(deadline - performance.now()));
      const f = await stream.next(left);
      if (f.kind === FrameKind.accepted || f.kind === FrameKind.chunk) continue;
      if (f.kind === FrameKind.error) throw new Error((decodeJson(f.data) as ErrorFrame).error.code);
      const end = decodeJson(f.data) as EndFrame;
      return end.response?.choices[0]?.message.content ?? '';
    }
  } finally {
    stream.close();
  }
}
