import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { nuid, type NatsConnection } from '@nats-io/transport-node';
import {
  type CacheStatus,
  type ChatCompletionRequest,
  GatehouseError,
  type Principal,
  RequestCompletedV1,
  RequestFailedV1,
} from '@gatehouse/contracts';
import { type Deployment, type GatewayConfig, InjectConfig, resolveGroup } from '@gatehouse/config';
import { type CallContext, FrameStreams, InjectNats } from '@gatehouse/nats';
import { costOf } from '@gatehouse/pricing';
import { DROPPED_PARAMS_HEADER, dropUnsupportedParams, rulesFor, UNSUPPORTED_CHAT_PARAMS } from '@gatehouse/providers';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import { RequestTelemetry } from '../observability/request-telemetry';
import { Authenticator, mayCall } from '../auth/authenticator.service';
import { EventOutbox } from '../events/event-outbox.service';
import { toClientError } from '../http/client-error';
import { sendError } from '../http/openai-error.filter';
import { INGRESS_LOGGER } from '../logger.token';
import { type Guarded, IngressGuard } from '../guard/ingress-guard.service';
import { CacheGate } from '../cache/cache-gate.service';
import { QuotaGate, rateLimitHeadersV2 } from '../quota/quota-gate.service';
import type { ClientProtocol } from '../protocols/client-protocol';
import { failedFacts, newRecord, type RequestRecord, tagsFrom, toRequestFacts } from './request-record';
import { RouterCall } from './router-call';
import { SseResponse } from './sse-response';
import { ContentCapture } from '../content/content-capture.service';

/**
 * The hot path of `POST /v1/chat/completions`, in one place (docs/adr/0002):
 *   identity → [quota ∥ guard ∥ cache] → router (frames) → client → request event.
 * Services never call each other; this orchestration is the whole story of a request.
 */
@Injectable()
export class ChatPipeline {
  private readonly deployments: Map<string, Deployment>;

  constructor(
    private readonly auth: Authenticator,
    private readonly outbox: EventOutbox,
    private readonly frames: FrameStreams,
    @InjectNats() private readonly nc: NatsConnection,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
    private readonly quota: QuotaGate,
    private readonly guard: IngressGuard,
    private readonly cache: CacheGate,
    private readonly content: ContentCapture,
    private readonly telemetry: RequestTelemetry,
  ) {
    this.deployments = new Map(config.deployments.map((d) => [d.id, d]));
  }

  async handle(request: FastifyRequest, reply: FastifyReply, protocol: ClientProtocol): Promise<void> {
    const requestId = `req_${nuid.next()}`;
    const trace = this.telemetry.start(requestId, protocol.endpoint, request.headers.traceparent);
    const rec = newRecord(requestId, trace.traceId, protocol.endpoint);
    const ctx: CallContext = { requestId, traceparent: trace.traceparent };
    let rateHeaders: Record<string, string> = {};
    let parsed: ChatCompletionRequest | null = null; // for the content of a refusal (docs/adr/0012)
    let guarding: Promise<Guarded> | null = null;
    reply.header('x-request-id', rec.requestId);
    try {
      rec.principal = await this.auth.authenticate(request.headers, ctx);
      const req = (parsed = protocol.parse(request.body));
      Object.assign(rec, { model: req.model, stream: req.stream === true, endUser: req.user ?? null, tags: tagsFrom(req.metadata, request.headers['x-litellm-tags']) });
      this.authorize(rec.principal, req.model);
      const sent = this.dropUnsupported(req, reply);
      guarding = this.guard.inbound(rec, sent, ctx);
      const [admit, guarded, cached] = await Promise.all([this.admit(rec, sent, ctx), guarding, this.cache.lookup(rec, req, request.headers, ctx)]);
      rateHeaders = rateLimitHeadersV2(admit);
      rec.guard = guarded.verdict;
      this.guard.enforce(guarded); // block → 400 content_policy_violation (docs/adr/0008)
      rec.cache = cached.status as CacheStatus;
      const headers = { ...rateHeaders, 'x-request-id': rec.requestId, 'x-gatehouse-cache': rec.cache };
      if (cached.status === 'hit' || cached.status === 'semantic-hit') {
        // Served from the cache: audited with its content like any other request (docs/adr/0010).
        this.content.cached(rec, req, guarded, cached.response, { status: cached.status, entry_request_id: cached.entry.request_id, saved_usd: cached.entry.cost_usd, ...(cached.status === 'semantic-hit' ? { similarity: cached.similarity } : {}) });
        return await this.cache.answer(reply, protocol, req, rec, cached, headers, ctx);
      }
      const call = await RouterCall.start(
        this.nc, this.frames,
        { request_id: rec.requestId, model: req.model, request: guarded.request, stream: rec.stream, ...routingHints(req, rec.principal) },
        ctx,
        { acceptMs: this.config.gatehouse.timeouts.router_accept_ms, idleMs: this.config.gatehouse.timeouts.stream_idle_ms },
      );
      this.content.observe(rec, req, guarded, call); // content logging per team policy (docs/adr/0010)
      await (rec.stream ? this.stream(call, reply, protocol, req, rec, headers, ctx) : this.complete(call, reply, protocol, req, rec, headers, ctx));
    } catch (e) {
      const err = toClientError(e);
      err.details.headers = { ...rateHeaders, ...(err.details.headers ?? {}) };
      forRequest(this.log, rec.requestId, rec.traceId).info({ code: err.code, status: err.status }, 'request refused');
      sendError(reply, err, protocol.renderError(err));
      this.outbox.publish(RequestFailedV1, failedFacts(rec, err), ctx);
      this.content.refused(rec, parsed, guarding, err); // off the client's path; a no-op for a routed request
    }
  }

  private authorize(principal: Principal, model: string): void {
    const group = resolveGroup(this.config, model);
    if (!group) throw new GatehouseError('model_not_found', `The model "${model}" does not exist.`, { param: 'model' });
    if (!mayCall(principal, model, group)) {
      throw new GatehouseError('permission_denied', `This key may not call the model "${model}".`, { param: 'model' });
    }
  }

  /**
   * LiteLLM's `drop_params` (rules in libs/providers/src/drop-params.ts), decided for the whole
   * group so that any of its deployments may serve the request: a 400 naming the parameter, or
   * the request without it and the `x-gatehouse-dropped-params` header (set on the raw response
   * so that the streaming path, which writes its own head, sends it too).
   */
  private dropUnsupported(req: ChatCompletionRequest, reply: FastifyReply): ChatCompletionRequest {
    const providers = [...new Set((this.config.groups.get(resolveGroup(this.config, req.model) ?? '') ?? []).map((d) => d.provider))];
    const who = `The model "${req.model}" (provider ${providers.join(', ')})`;
    const { request, dropped } = dropUnsupportedParams(req, rulesFor(UNSUPPORTED_CHAT_PARAMS, providers), this.config.litellmSettings.drop_params === true, who);
    if (dropped.length) reply.raw.setHeader(DROPPED_PARAMS_HEADER, dropped.join(','));
    return request;
  }

  /** Shared, exact limits and budgets (docs/adr/0005); the request's event settles what it reserves. */
  private admit(rec: RequestRecord, req: ChatCompletionRequest, ctx: CallContext) {
    return this.quota.admit(rec.requestId, rec.principal!, req, rec.endUser, ctx);
  }

  private async complete(call: RouterCall, reply: FastifyReply, protocol: ClientProtocol, req: ChatCompletionRequest, rec: RequestRecord, headers: Record<string, string>, ctx: CallContext) {
    // The response's 'close' (not the request's: that fires once the body is read) before it
    // finished means the client went away.
    const onClose = () => !reply.raw.writableFinished && call.cancel('client disconnected');
    reply.raw.once('close', onClose);
    try {
      for (;;) {
        const f = await call.next();
        if (f.kind === 'chunk') continue; // not sent for non-streaming requests
        this.settle(rec, f.frame.route, f.frame.usage);
        if (f.kind === 'error') throw GatehouseError.fromWire(f.frame.error as never);
        const completion = this.guard.output(rec).completion(f.frame.response!);
        const body = protocol.renderCompletion(completion, req);
        await reply.code(200).headers({ ...headers, 'content-type': 'application/json' }).send(JSON.stringify(body));
        this.outbox.publish(RequestCompletedV1, toRequestFacts(rec, 200), ctx);
        this.cache.completed(rec, req, completion, ctx); // docs/adr/0011: only when allowed
        return;
      }
    } finally {
      reply.raw.off('close', onClose);
      call.close();
    }
  }

  private async stream(call: RouterCall, reply: FastifyReply, protocol: ClientProtocol, req: ChatCompletionRequest, rec: RequestRecord, headers: Record<string, string>, ctx: CallContext) {
    const sse = new SseResponse(reply.raw, protocol.streamEncoder(req), headers, () => reply.hijack());
    const out = this.guard.output(rec); // outbound scan + restore of masked values (docs/adr/0008)
    const half = Math.max(1, Math.floor(this.config.gatehouse.stream_credit / 2));
    let written = 0;
    const onWritten = () => {
      if (++written % half === 0) call.grant(half);
    };
    let finished = false;
    const onClose = () => !finished && call.cancel('client disconnected');
    reply.raw.once('close', onClose);
    try {
      for (;;) {
        const f = await call.next();
        if (f.kind === 'chunk') {
          sse.chunk(out.chunk(f.raw), onWritten);
          this.cache.chunk(rec, f.raw);
          if (out.blocked) {
            finished = true;
            call.cancel('content policy');
            sse.fail(out.blockError());
            this.outbox.publish(RequestFailedV1, failedFacts(rec, out.blockError()), ctx);
            return;
          }
          continue;
        }
        finished = true;
        this.settle(rec, f.frame.route, f.frame.usage);
        if (f.kind === 'end' && !sse.clientGone) {
          const tail = out.finish();
          if (tail) sse.chunk(tail, () => undefined);
          sse.done(f.frame);
          this.outbox.publish(RequestCompletedV1, toRequestFacts(rec, 200), ctx);
          this.cache.streamed(rec, req, f.frame, ctx);
          return;
        }
        const err = f.kind === 'error'
          ? GatehouseError.fromWire(f.frame.error as never)
          : new GatehouseError('client_closed_request', 'The client closed the request.');
        if (!sse.hasStarted && !sse.clientGone) throw err; // nothing sent yet: a normal HTTP error
        sse.fail(err);
        this.outbox.publish(RequestFailedV1, failedFacts(rec, err), ctx);
        return;
      }
    } finally {
      reply.raw.off('close', onClose);
      call.close();
    }
  }

  private settle(rec: RequestRecord, route: RequestRecord['route'], usage: RequestRecord['usage']): void {
    rec.route = route;
    rec.usage = usage;
    const d = route.deployment_id ? (this.deployments.get(route.deployment_id) ?? null) : null;
    rec.cost = costOf(d, {
      prompt_tokens: usage?.prompt_tokens ?? 0,
      completion_tokens: usage?.completion_tokens ?? 0,
      cached_tokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    });
  }
}

/**
 * Pure: what the router needs besides the request (docs/adr/0007): LiteLLM's per-request
 * `fallbacks` (model names) and the caller's data boundary (`metadata.required_tags` of the key).
 */
export function routingHints(req: ChatCompletionRequest, principal: Principal | null): { fallbacks?: string[]; boundary?: { policy: string; required_tags: string[] } } {
  const out: { fallbacks?: string[]; boundary?: { policy: string; required_tags: string[] } } = {};
  const fallbacks = (req as { fallbacks?: unknown }).fallbacks;
  if (Array.isArray(fallbacks)) out.fallbacks = fallbacks.filter((f): f is string => typeof f === 'string');
  const tags = principal?.metadata.required_tags;
  if (Array.isArray(tags) && tags.length > 0) {
    out.boundary = { policy: `key "${principal!.key_alias ?? principal!.key_id}" metadata.required_tags`, required_tags: tags.filter((t): t is string => typeof t === 'string') };
  }
  return out;
}
