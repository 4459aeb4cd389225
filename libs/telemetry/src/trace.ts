import { randomHex } from './random-hex';

/**
 * W3C trace context (`traceparent: 00-<trace-id>-<span-id>-<flags>`), carried in every NATS
 * message's headers so one request is one trace across services. Ingress continues the client's
 * trace when it sent a valid header, else starts one.
 */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export interface TraceIds {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

export function parseTraceparent(header: string | null | undefined): TraceIds | null {
  const m = header ? TRACEPARENT.exec(header.trim()) : null;
  if (!m || /^0+$/.test(m[1]) || /^0+$/.test(m[2])) return null;
  return { traceId: m[1], spanId: m[2], sampled: (parseInt(m[3], 16) & 1) === 1 };
}

export function formatTraceparent(ids: TraceIds): string {
  return `00-${ids.traceId}-${ids.spanId}-${ids.sampled ? '01' : '00'}`;
}

/** A child span of `parent` (or a new trace when there is none). */
export function childTrace(parent: TraceIds | null): TraceIds {
  return {
    traceId: parent?.traceId ?? randomHex(16),
    spanId: randomHex(8),
    sampled: parent?.sampled ?? true,
  };
}
