import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';

/** Header names Gatehouse puts on NATS messages. */
export const Hdr = {
  /** W3C trace context; every hop forwards it. */
  traceparent: 'traceparent',
  requestId: 'Gh-Request-Id',
  /** Our error code (contracts/errors.ts), beside the NATS service-error convention below. */
  errorCode: 'Gh-Error-Code',
  serviceError: 'Nats-Service-Error',
  serviceErrorCode: 'Nats-Service-Error-Code',
} as const;

/** What a caller passes along with a request: trace and request id, nothing secret. */
export interface CallContext {
  traceparent?: string | null;
  requestId?: string | null;
}

export function contextHeaders(ctx: CallContext | undefined): MsgHdrs | undefined {
  if (!ctx?.traceparent && !ctx?.requestId) return undefined;
  const h = natsHeaders();
  if (ctx.traceparent) h.set(Hdr.traceparent, ctx.traceparent);
  if (ctx.requestId) h.set(Hdr.requestId, ctx.requestId);
  return h;
}

export function readContext(h: MsgHdrs | undefined): CallContext {
  return {
    traceparent: h?.get(Hdr.traceparent) || null,
    requestId: h?.get(Hdr.requestId) || null,
  };
}
