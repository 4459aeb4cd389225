import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, MessagePattern, Server } from '@nestjs/microservices';
import { type Msg, type NatsConnection, type Subscription, headers as natsHeaders } from '@nats-io/transport-node';
import { isObservable, lastValueFrom } from 'rxjs';
import { prettifyError } from 'zod';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { nuid } from '@nats-io/transport-node';
import {
  ErrorCodes, GatehouseError, type PingReply, pingContract, type RpcContract, type RpcRequest, type RpcResponse, type ServiceName,
} from '@gatehouse/contracts';
import { Metrics, parseTraceparent, startSpan, tracingEnabled } from '@gatehouse/telemetry';
import { decodeJson, encodeJson } from './codec';
import { type CallContext, Hdr, readContext } from './headers';

/** What a handler sees besides the payload: the raw message (for streaming replies) and the call context. */
export class NatsRpcContext extends BaseRpcContext<[Msg, CallContext]> {
  get msg(): Msg {
    return this.args[0];
  }
  get call(): CallContext {
    return this.args[1];
  }
}

/** Marks a method as the handler of one contract's subject. */
export const RpcHandler = (contract: RpcContract): MethodDecorator => MessagePattern(contract.subject);

/** A handler class implements this for its contract, so a mistyped reply does not compile. */
export interface Handles<C extends RpcContract> {
  handle(request: RpcRequest<C>, ctx: NatsRpcContext): Promise<RpcResponse<C> | void>;
}

export interface NatsRpcTransportOptions {
  service: ServiceName;
  /** The contracts this service may serve; a handler for any other subject fails start-up. */
  contracts: readonly RpcContract[];
  /** Contracts whose handlers publish their own replies (streaming). */
  streaming?: readonly RpcContract[];
  /** Readiness and service-specific details for the ping reply (router: deployment health). */
  health?: () => { ready: boolean; details?: Record<string, unknown> };
}

/**
 * A NestJS transport that serves each contract subject as a NATS queue subscription (queue group
 * = service name, so replicas share the load with no code change). Requests are validated with the
 * contract's zod schema, replies are plain JSON, and errors travel as our code in `Gh-Error-Code`
 * plus the NATS service-error headers, so `nats req` and non-Nest clients understand them.
 */
export class NatsRpcTransport extends Server implements CustomTransportStrategy {
  private readonly subs: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly log = new Logger('NatsRpcTransport');
  private readonly instance = nuid.next().slice(-8);
  private readonly started = Date.now();

  constructor(
    private readonly nc: NatsConnection,
    private readonly opts: NatsRpcTransportOptions,
  ) {
    super();
  }

  listen(callback: (...args: unknown[]) => void): void {
    const bySubject = new Map(this.opts.contracts.map((c) => [c.subject, c]));
    const streaming = new Set((this.opts.streaming ?? []).map((c) => c.subject));
    for (const [pattern, handler] of this.messageHandlers) {
      const contract = bySubject.get(pattern);
      if (!contract || contract.service !== this.opts.service) {
        throw new Error(`No ${this.opts.service} contract for handler subject "${pattern}"`);
      }
      const sub = this.nc.subscribe(pattern, {
        queue: this.opts.service,
        callback: (_err, msg) => {
          const p = this.serve(contract, handler, msg, streaming.has(pattern));
          this.inFlight.add(p);
          void p.finally(() => this.inFlight.delete(p));
        },
      });
      this.subs.push(sub);
    }
    this.subs.push(this.nc.subscribe(pingContract(this.opts.service).subject, { callback: (_e, msg) => void msg.respond(encodeJson(this.ping())) }));
    // Ready only once the server has the subscriptions: a request sent the moment a restarted
    // replica says it is up must not meet "no responders".
    this.nc.flush().then(
      () => callback(),
      (err: unknown) => callback(err),
    );
  }

  /** Every replica answers (no queue group), so a scatter-gather counts the live ones. */
  private ping(): PingReply {
    const h = this.opts.health?.() ?? { ready: true };
    return {
      service: this.opts.service,
      instance: this.instance,
      pid: process.pid,
      uptime_s: Math.round((Date.now() - this.started) / 100) / 10,
      in_flight: this.inFlight.size,
      ready: h.ready && !this.nc.isClosed(),
      ...(h.details ? { details: h.details } : {}),
    };
  }

  private async serve(
    contract: RpcContract,
    handler: (data: unknown, ctx: NatsRpcContext) => Promise<unknown>,
    msg: Msg,
    streaming: boolean,
  ): Promise<void> {
    const t0 = performance.now();
    let call = readContext(msg.headers);
    let outcome = 'ok';
    // Tracing off costs this one check; on, the handler's context carries the server span.
    const traced = tracingEnabled()
      ? startSpan(`process ${contract.subject}`, SpanKind.SERVER, call.traceparent, {
          'messaging.system': 'nats', 'messaging.destination.name': contract.subject,
          'gatehouse.service': this.opts.service, 'gatehouse.request_id': call.requestId ?? undefined,
        })
      : null;
    if (traced) call = { ...call, traceparent: traced.traceparent };
    try {
      const parsed = contract.request.safeParse(decodeJson(msg.data));
      if (!parsed.success) {
        throw new GatehouseError('invalid_request', `Invalid ${contract.subject} request: ${prettifyError(parsed.error)}`);
      }
      const out = await handler(parsed.data, new NatsRpcContext([msg, call]));
      const value = isObservable(out) ? await lastValueFrom(out, { defaultValue: undefined }) : out;
      if (!streaming) msg.respond(encodeJson(value));
    } catch (err) {
      outcome = toGatehouseError(err).code;
      traced?.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      respondError(msg, err, this.log);
    } finally {
      Metrics.rpcServerDuration.observe({ subject: contract.subject, outcome }, (performance.now() - t0) / 1000);
      traced?.span.end();
    }
  }

  /** Leaves the queue groups first (no new work), then lets in-flight requests finish. */
  async close(): Promise<void> {
    await Promise.allSettled(this.subs.map((s) => s.drain()));
    await Promise.allSettled([...this.inFlight]);
  }

  on(): void {
    throw new Error('NatsRpcTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.nc as T;
  }
}

export function respondError(msg: Msg, err: unknown, log: Pick<Logger, 'error'>): void {
  const gh = toGatehouseError(err);
  if (ErrorCodes[gh.code].level === 'error') {
    // The caller's request and trace ids (from the message headers), so the line can be found.
    const ctx = readContext(msg.headers);
    log.error({
      msg: `${gh.code}: ${gh.message}`, code: gh.code, subject: msg.subject,
      request_id: ctx.requestId ?? undefined, trace_id: parseTraceparent(ctx.traceparent)?.traceId,
      cause: gh.cause instanceof Error ? gh.cause.message : undefined,
    });
  }
  const h = natsHeaders();
  h.set(Hdr.errorCode, gh.code);
  h.set(Hdr.serviceErrorCode, String(gh.status));
  h.set(Hdr.serviceError, gh.message.replace(/[\r\n]+/g, ' '));
  msg.respond(encodeJson(gh.toWire()), { headers: h });
}

export function toGatehouseError(err: unknown): GatehouseError {
  if (err instanceof GatehouseError) return err;
  // Nest wraps what a handler throws only for RpcException; anything else is a bug.
  return new GatehouseError('internal_error', 'Internal error', {}, { cause: err });
}
