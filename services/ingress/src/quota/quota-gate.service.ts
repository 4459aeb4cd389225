import { Inject, Injectable } from '@nestjs/common';
import {
  admitSubject,
  type ChatCompletionRequest,
  type EmbeddingsRequest,
  GatehouseError,
  partitionOf,
  type Principal,
  QuotaAdmitV2,
  type QuotaScope,
  type RateLimitStateV2,
  type RpcRequest,
  type WindowState,
} from '@gatehouse/contracts';
import { type Deployment, type GatewayConfig, InjectConfig, resolveGroup } from '@gatehouse/config';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import type { Logger } from '@gatehouse/telemetry';
import { INGRESS_LOGGER } from '../logger.token';
import { embeddingWorstCase, type Estimate, worstCase } from './estimate';
import { failsOpen, scopesFor } from './scopes';

const UNMETERED: RateLimitStateV2 = { requests: null, tokens: null };
const RETRY_EVERY_MS = 20;
/**
 * How long a partition without an owner is retried. A graceful handover has no gap (the old owner
 * holds requests until the successor serves, docs/adr/0005); this covers a crashed owner's
 * partition being taken over just as its lease expires.
 */
const NO_OWNER_RETRY_MS = 200;

/**
 * Admission before the call (docs/adr/0005): the request's scopes are grouped by partition and
 * each group is sent to its owner (`gh.rpc.quota.admit.v2.p<NN>`) in parallel. All must admit; a
 * refusal anywhere is the answer, and what the other partitions reserved is released by the
 * request's own `request.failed` event. No owner (a partition moving) is retried until the quota
 * deadline; then the team's policy answers: 503 (fail closed) or admit unmetered (fail open).
 */
@Injectable()
export class QuotaGate {
  constructor(
    private readonly rpc: RpcClient,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
  ) {}

  /** A chat request: reserved at its prompt plus the most it may generate. */
  admit(requestId: string, p: Principal, req: ChatCompletionRequest, endUser: string | null, ctx: CallContext): Promise<RateLimitStateV2> {
    return this.admitEstimated(requestId, p, req.model, endUser, ctx, (deployments) => worstCase(req, deployments, this.config.gatehouse.quota.default_max_tokens));
  }

  /** An embeddings request: reserved at its input tokens, priced per embedding token. */
  admitEmbeddings(requestId: string, p: Principal, req: EmbeddingsRequest, ctx: CallContext): Promise<RateLimitStateV2> {
    return this.admitEstimated(requestId, p, req.model, req.user ?? null, ctx, (deployments) => embeddingWorstCase(req, deployments));
  }

  private async admitEstimated(requestId: string, p: Principal, model: string, endUser: string | null, ctx: CallContext, estimateOf: (deployments: readonly Deployment[]) => Estimate): Promise<RateLimitStateV2> {
    const scopes = scopesFor(this.config, p, model, endUser);
    if (scopes.length === 0) return UNMETERED;
    const group = resolveGroup(this.config, model);
    const estimate = estimateOf((group && this.config.groups.get(group)) || []);
    const byPartition = new Map<number, QuotaScope[]>();
    for (const s of scopes) {
      const n = partitionOf(s.id);
      const same = byPartition.get(n);
      if (same) same.push(s);
      else byPartition.set(n, [s]);
    }
    const deadline = performance.now() + this.config.gatehouse.timeouts.quota_ms;
    try {
      const states = await Promise.all(
        [...byPartition].map(([partition, group]) => this.call({ request_id: requestId, partition, scopes: group, estimate }, deadline, ctx)),
      );
      return states.reduce(combine, UNMETERED);
    } catch (err) {
      if (err instanceof GatehouseError && err.code === 'service_unavailable' && failsOpen(this.config, p.team_id)) {
        this.log.warn({ request_id: requestId, err: err.message }, 'quota unavailable; admitting unmetered (fail open)');
        return UNMETERED;
      }
      throw err;
    }
  }

  private async call(payload: RpcRequest<typeof QuotaAdmitV2>, deadline: number, ctx: CallContext): Promise<RateLimitStateV2> {
    const contract = { ...QuotaAdmitV2, subject: admitSubject(payload.partition) };
    const retryUntil = Math.min(deadline, performance.now() + NO_OWNER_RETRY_MS);
    for (;;) {
      const left = Math.max(1, Math.round(deadline - performance.now()));
      try {
        return (await this.rpc.request(contract, payload, ctx, left)).rate_limit;
      } catch (err) {
        const noOwner = err instanceof GatehouseError && err.code === 'service_unavailable' && /no instance is running/.test(err.message);
        if (!noOwner || performance.now() + RETRY_EVERY_MS >= retryUntil) throw err;
        await new Promise((r) => setTimeout(r, RETRY_EVERY_MS));
      }
    }
  }
}

function combine(a: RateLimitStateV2, b: RateLimitStateV2): RateLimitStateV2 {
  return { requests: tighter(a.requests, b.requests), tokens: tighter(a.tokens, b.tokens) };
}

function tighter(a: WindowState | null, b: WindowState | null): WindowState | null {
  if (!a) return b;
  if (!b) return a;
  return b.remaining < a.remaining ? b : a;
}

/** Pure: OpenAI's `x-ratelimit-*` response headers from the quota decision. */
export function rateLimitHeadersV2(s: RateLimitStateV2): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [kind, w] of [['requests', s.requests], ['tokens', s.tokens]] as const) {
    if (!w) continue;
    h[`x-ratelimit-limit-${kind}`] = String(w.limit);
    h[`x-ratelimit-remaining-${kind}`] = String(w.remaining);
    h[`x-ratelimit-reset-${kind}`] = `${w.reset_s}s`;
  }
  return h;
}
