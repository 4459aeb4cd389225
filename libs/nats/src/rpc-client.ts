import type { NatsConnection } from '@nats-io/transport-node';
import {
  GatehouseError,
  type RpcContract,
  type RpcRequest,
  type RpcResponse,
  type WireError,
} from '@gatehouse/contracts';
import { decodeJson, encodeJson } from './codec';
import { type CallContext, contextHeaders, Hdr } from './headers';
import { NoRespondersError, ReplyMux } from './reply-mux';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { Metrics, startSpan, tracingEnabled } from '@gatehouse/telemetry';

/**
 * Calls a contract's subject and returns its typed reply. Every failure becomes a GatehouseError:
 * a service's own error keeps its code; nobody listening or no reply in time is
 * `service_unavailable`, so ingress answers 503 fast instead of hanging.
 */
export class RpcClient {
  private readonly mux: ReplyMux;

  constructor(nc: NatsConnection) {
    this.mux = new ReplyMux(nc);
  }

  async request<C extends RpcContract>(
    contract: C,
    payload: RpcRequest<C>,
    ctx?: CallContext,
    timeoutMs = contract.timeoutMs,
  ): Promise<RpcResponse<C>> {
    const t0 = performance.now();
    const traced = tracingEnabled()
      ? startSpan(`send ${contract.subject}`, SpanKind.CLIENT, ctx?.traceparent, { 'messaging.system': 'nats', 'messaging.destination.name': contract.subject })
      : null;
    const sent = traced ? { ...ctx, traceparent: traced.traceparent } : ctx;
    let outcome = 'ok';
    try {
      let reply;
      try {
        reply = await this.mux.request(contract.subject, encodeJson(payload), timeoutMs, contextHeaders(sent));
      } catch (err) {
        throw unavailable(contract, timeoutMs, err);
      }
      const code = reply.headers?.get(Hdr.errorCode);
      if (code) throw GatehouseError.fromWire(decodeJson(reply.data) as WireError);
      if (reply.headers?.hasError) {
        // A NATS-level service error without our code: a responder we do not know.
        throw new GatehouseError('internal_error', `${contract.service} failed: ${reply.headers.description}`);
      }
      return decodeJson(reply.data) as RpcResponse<C>;
    } catch (err) {
      outcome = (err as GatehouseError).code ?? 'error';
      traced?.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      throw err;
    } finally {
      Metrics.rpcClientDuration.observe({ subject: contract.subject, outcome }, (performance.now() - t0) / 1000);
      traced?.span.end();
    }
  }
}

export function unavailable(contract: RpcContract, timeoutMs: number, cause: unknown): GatehouseError {
  const why = cause instanceof NoRespondersError ? 'no instance is running' : `no answer within ${timeoutMs} ms`;
  return new GatehouseError('service_unavailable', `The ${contract.service} service is unavailable: ${why}.`, {}, { cause });
}
