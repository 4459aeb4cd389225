import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import {
  CacheLookupV2,
  CacheStoreV1,
  type ChatCompletion,
  type ChatCompletionRequest,
  type EndFrame,
  RequestCompletedV1,
  RouterEmbedV1,
  type RpcResponse,
} from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import { costOf } from '@gatehouse/pricing';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import { EventOutbox } from '../events/event-outbox.service';
import { INGRESS_LOGGER } from '../logger.token';
import type { ClientProtocol } from '../protocols/client-protocol';
import { type RequestRecord, toRequestFacts } from '../chat/request-record';
import { SseResponse } from '../chat/sse-response';
import { cacheControls, type CachePlan, cachePlan } from './cache-plan';
import { assembleCompletion, replayChunks } from './completion-chunks';

export type CacheLookup = RpcResponse<typeof CacheLookupV2>;
type Hit = Extract<CacheLookup, { status: 'hit' | 'semantic-hit' }>;
/** What ingress remembers about one request's cache use until its answer is stored (or not). */
interface CacheState {
  plan: Extract<CachePlan, { enabled: true }>;
  vector: number[] | null;
  chunks: Uint8Array[];
}

/** A semantic look-up's embedding is an optimisation: it may not hold a request for long. */
const EMBED_TIMEOUT_MS = 2_000;
const noop = () => undefined;

/**
 * Ingress's side of the response cache (docs/adr/0011): the plan per request (opt-in, client
 * controls), the look-up (embedding through the router when the semantic half asks for it), the
 * answer from a hit — JSON, or replayed as a stream in the client's protocol — and storing a
 * successful answer after the client has it. The cache fails open: trouble is a bypass.
 */
@Injectable()
export class CacheGate {
  private readonly states = new WeakMap<RequestRecord, CacheState>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly outbox: EventOutbox,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
  ) {}

  async lookup(rec: RequestRecord, req: ChatCompletionRequest, headers: IncomingHttpHeaders, ctx: CallContext): Promise<CacheLookup> {
    const plan = cachePlan(this.config, rec.principal!, cacheControls(headers['cache-control'], (req as { cache?: unknown }).cache));
    if (!plan.enabled) return { status: 'bypass', reason: plan.reason };
    const state: CacheState = { plan, vector: null, chunks: [] };
    this.states.set(rec, state);
    if (!plan.lookup) return { status: 'bypass', reason: 'no-cache' };
    const timeout = this.config.gatehouse.timeouts.cache_ms;
    const base = { request_id: rec.requestId, namespace: plan.namespace, request: req };
    try {
      const semantic = plan.semantic ?? undefined;
      const first = await this.rpc.request(CacheLookupV2, { ...base, semantic }, ctx, timeout);
      if (first.status !== 'miss' || first.embed_text === undefined || !semantic) return first;
      state.vector = await this.embed(rec, semantic.embedding_model!, first.embed_text, ctx);
      return await this.rpc.request(CacheLookupV2, { ...base, skip_exact: true, semantic: { ...semantic, vector: state.vector } }, ctx, timeout);
    } catch (err) {
      forRequest(this.log, rec.requestId, rec.traceId).warn({ err }, 'cache lookup failed; treating as a bypass');
      return { status: 'bypass', reason: 'cache unavailable' };
    }
  }

  /** Answers from a hit: no provider call, cost 0, the stored answer's cost recorded as saved. */
  async answer(reply: FastifyReply, protocol: ClientProtocol, req: ChatCompletionRequest, rec: RequestRecord, hit: Hit, headers: Record<string, string>, ctx: CallContext): Promise<void> {
    this.states.delete(rec);
    rec.usage = null;
    rec.cost = { usd: 0, price_unknown: false };
    if (rec.stream) {
      const sse = new SseResponse(reply.raw, protocol.streamEncoder(req), headers, () => reply.hijack());
      for (const chunk of replayChunks(hit.response, req)) sse.chunk(Buffer.from(JSON.stringify(chunk)), noop);
      sse.done({ route: rec.route, usage: hit.response.usage ?? null, finish_reason: hit.response.choices[0]?.finish_reason ?? 'stop' });
    } else {
      await reply.code(200).headers({ ...headers, 'content-type': 'application/json' }).send(JSON.stringify(protocol.renderCompletion(hit.response, req)));
    }
    const facts = toRequestFacts(rec, 200);
    const cache = { status: hit.status, saved_usd: hit.entry.cost_usd, entry_request_id: hit.entry.request_id, ...(hit.status === 'semantic-hit' ? { similarity: hit.similarity } : {}) };
    this.outbox.publish(RequestCompletedV1, { ...facts, cache }, ctx);
  }

  /** A streamed chunk on its way to the client; kept only when the answer may be stored. */
  chunk(rec: RequestRecord, raw: Uint8Array): void {
    const s = this.states.get(rec);
    if (s?.plan.store) s.chunks.push(raw);
  }

  /** A plain answer the client now has. */
  completed(rec: RequestRecord, req: ChatCompletionRequest, response: ChatCompletion, ctx: CallContext): void {
    this.store(rec, req, response, ctx);
  }

  /** A streamed answer that ended normally: stored as the completion its chunks make. */
  streamed(rec: RequestRecord, req: ChatCompletionRequest, end: EndFrame, ctx: CallContext): void {
    const s = this.states.get(rec);
    if (!s?.plan.store) return;
    const whole = assembleCompletion(s.chunks, end);
    if (whole) this.store(rec, req, whole, ctx);
  }

  /** Only answers the guard found nothing in, for opted-in teams whose client allowed it. */
  private store(rec: RequestRecord, req: ChatCompletionRequest, response: ChatCompletion, ctx: CallContext): void {
    const s = this.states.get(rec);
    this.states.delete(rec);
    if (!s?.plan.store) return;
    if (rec.guard?.action !== 'allow' || rec.guard.findings.length > 0) return;
    const { plan } = s;
    const semantic = plan.semantic ? { method: plan.semantic.method, embedding_model: plan.semantic.embedding_model, ...(s.vector ? { vector: s.vector } : {}) } : undefined;
    const payload = { request_id: rec.requestId, namespace: plan.namespace, request: req, response, cost_usd: rec.cost.usd, ttl_s: plan.ttlS, max_entries: plan.maxEntries, semantic };
    this.rpc.request(CacheStoreV1, payload, ctx).catch((err: unknown) => forRequest(this.log, rec.requestId, rec.traceId).warn({ err }, 'cache store failed'));
  }

  /** The prompt's embedding through the router (governed); its cost is a request event of its own. */
  private async embed(rec: RequestRecord, alias: string, text: string, ctx: CallContext): Promise<number[]> {
    const requestId = `${rec.requestId}-cache-embed`;
    const out = await this.rpc.request(RouterEmbedV1, { request_id: requestId, model: alias, request: { model: alias, input: text, encoding_format: 'float' } }, ctx, EMBED_TIMEOUT_MS);
    const d = this.config.deployments.find((x) => x.id === out.route.deployment_id) ?? null;
    const prompt = out.response.usage.prompt_tokens;
    const facts = toRequestFacts({ ...rec, requestId, model: alias, endpoint: '/v1/embeddings', stream: false, route: out.route }, 200);
    this.outbox.publish(RequestCompletedV1, {
      ...facts,
      usage: { ...facts.usage, prompt_tokens: prompt, completion_tokens: 0, total_tokens: out.response.usage.total_tokens },
      cost: costOf(d, { prompt_tokens: prompt, completion_tokens: 0 }),
      cache: { status: 'bypass' },
      tags: [...rec.tags, 'gatehouse:cache-embedding'],
    }, ctx);
    const v = out.response.data[0]?.embedding;
    if (!Array.isArray(v)) throw new Error('the embedding alias returned no float vector');
    return v;
  }
}
