import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { nuid } from '@nats-io/transport-node';
import { type EmbeddingsRequest, GatehouseError, RequestCompletedV1, RequestFailedV1, RouterEmbedV1 } from '@gatehouse/contracts';
import { type Deployment, type GatewayConfig, InjectConfig, resolveGroup } from '@gatehouse/config';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import { costOf } from '@gatehouse/pricing';
import { DROPPED_PARAMS_HEADER } from '@gatehouse/providers';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import { RequestTelemetry } from '../observability/request-telemetry';
import { Authenticator, mayCall } from '../auth/authenticator.service';
import { failedFacts, newRecord, tagsFrom, toRequestFacts } from '../chat/request-record';
import { EventOutbox } from '../events/event-outbox.service';
import { toClientError } from '../http/client-error';
import { sendError } from '../http/openai-error.filter';
import { INGRESS_LOGGER } from '../logger.token';
import { ContentCapture } from '../content/content-capture.service';
import { QuotaGate, rateLimitHeadersV2 } from '../quota/quota-gate.service';
import { embedDeadlineMs, parseEmbeddingsRequest } from './parse-embeddings-request';

export const EMBEDDINGS_ENDPOINT = '/v1/embeddings';

/**
 * `POST /v1/embeddings`: identity → model check → quota (v2 gate) → router.embed → client → request event.
 * No guard scan and no cache: embeddings return vectors, not text, and are cheap to recompute.
 * Content (the input, never the vectors) is captured per team policy, answered or refused (docs/adr/0012).
 */
@Injectable()
export class EmbeddingsPipeline {
  private readonly deployments: Map<string, Deployment>;

  constructor(
    private readonly auth: Authenticator,
    private readonly rpc: RpcClient,
    private readonly outbox: EventOutbox,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
    private readonly telemetry: RequestTelemetry,
    private readonly quota: QuotaGate,
    private readonly content: ContentCapture,
  ) {
    this.deployments = new Map(config.deployments.map((d) => [d.id, d]));
  }

  async handle(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const traceparent = request.headers.traceparent;
    const requestId = `req_${nuid.next()}`;
    const trace = this.telemetry.start(requestId, EMBEDDINGS_ENDPOINT, traceparent);
    const rec = newRecord(requestId, trace.traceId, EMBEDDINGS_ENDPOINT);
    const ctx: CallContext = { requestId, traceparent: trace.traceparent };
    rec.cache = 'bypass';
    let rateHeaders: Record<string, string> = {};
    let parsed: EmbeddingsRequest | null = null;
    reply.header('x-request-id', rec.requestId);
    try {
      const principal = await this.auth.authenticate(request.headers, ctx);
      rec.principal = principal;
      const req = (parsed = parseEmbeddingsRequest(request.body));
      Object.assign(rec, { model: req.model, endUser: req.user ?? null, tags: tagsFrom(req.metadata as Record<string, unknown> | undefined, request.headers['x-litellm-tags']) });
      const group = resolveGroup(this.config, req.model);
      if (!group) throw new GatehouseError('model_not_found', `The model "${req.model}" does not exist.`, { param: 'model' });
      if (!mayCall(principal, req.model, group)) throw new GatehouseError('permission_denied', `This key may not call the model "${req.model}".`, { param: 'model' });
      // Shared limits and budgets (docs/adr/0005): reserved at the input's tokens; the request's event settles it.
      rateHeaders = rateLimitHeadersV2(await this.quota.admitEmbeddings(rec.requestId, principal, req, ctx));
      const deadline = embedDeadlineMs((this.config.groups.get(group) ?? []).map((d) => d.timeoutMs), this.numRetries);
      const out = await this.rpc.request(RouterEmbedV1, { request_id: rec.requestId, model: req.model, request: req }, ctx, deadline);
      rec.route = out.route;
      const prompt = out.response.usage.prompt_tokens;
      rec.usage = { prompt_tokens: prompt, completion_tokens: 0, total_tokens: out.response.usage.total_tokens };
      const d = out.route.deployment_id ? (this.deployments.get(out.route.deployment_id) ?? null) : null;
      rec.cost = costOf(d, { prompt_tokens: prompt, completion_tokens: 0 });
      const headers: Record<string, string> = { ...rateHeaders, 'x-request-id': rec.requestId, 'content-type': 'application/json' };
      if (out.dropped_params.length) headers[DROPPED_PARAMS_HEADER] = out.dropped_params.join(',');
      await reply.code(200).headers(headers).send(JSON.stringify(out.response));
      this.outbox.publish(RequestCompletedV1, toRequestFacts(rec, 200), ctx);
      this.content.embeddings(rec, req, out.response);
    } catch (e) {
      const err = toClientError(e);
      err.details.headers = { ...rateHeaders, ...(err.details.headers ?? {}) };
      forRequest(this.log, rec.requestId, rec.traceId).info({ code: err.code, status: err.status }, 'request refused');
      sendError(reply, err);
      this.outbox.publish(RequestFailedV1, failedFacts(rec, err), ctx);
      this.content.embeddings(rec, parsed, null, err);
    }
  }

  private get numRetries(): number {
    return this.config.routerSettings.num_retries ?? this.config.litellmSettings.num_retries ?? 2;
  }
}
