import type { ChatCompletionChunk, ChatCompletionRequest, EndFrame, ErrorFrame, RouteOutcome, RpcRequest, RouterCompleteV1, Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import type { ProviderError } from '@gatehouse/providers';
import { Metrics, tracingEnabled } from '@gatehouse/telemetry';
import type { Routable } from '../deployments/deployment-registry.service';
import { classifyComplexity } from '../routing/classify';
import { fallbackGroups } from '../routing/fallback-plan';
import type { RoutingState } from '../routing/routing-state';
import { Attempt } from './attempt';
import { exhaustedError } from './exhausted-error';
import { type GroupResult, GroupRun } from './group-run';
import { endProviderSpan, providerSpan } from './provider-span';

/** Where a completion's frames go (FrameSender in production, an array in unit tests). */
export interface FrameSink {
  readonly signal: AbortSignal;
  chunk(chunk: ChatCompletionChunk): Promise<boolean>;
  end(frame: EndFrame): void;
  error(frame: ErrorFrame): void;
}

export interface Deployments {
  group(model: string): Deployment[] | null;
  routable(d: Deployment): Routable;
  readonly numRetries: number;
}

/** What one attempt did, for metrics, logs, traces and deployment health (see AttemptReporter). */
export interface AttemptReport {
  deployment: Deployment;
  /** `ok`, a ProviderError kind, or `cancelled` (the client left). */
  outcome: string;
  durationMs: number;
  ttftMs: number | null;
  usage: Usage | null;
  error: string | null;
}

/** Observers of a completion: none of them changes what happens. */
export interface CompletionHooks {
  report?: (r: AttemptReport) => void;
  /** The caller's trace context, parent of each provider-call span. */
  traceparent?: string | null;
}

export type RouterRequest = RpcRequest<typeof RouterCompleteV1>;

/** Request fields that steer the router and must not reach a provider (LiteLLM's per-request keys). */
const ROUTER_ONLY = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;

/**
 * Runs one client request to its end (docs/adr/0007): `auto` picks a tier; the group's
 * deployments are tried by the strategy (retries, failover, pauses honouring `retry-after`); an
 * exhausted group falls back to the next group; a failure after the first chunk went out ends
 * the stream with an error frame, never a silent cut. Exactly one `end` or `error` frame is sent,
 * and its route records every decision.
 */
export async function runCompletion(req: RouterRequest, sink: FrameSink, deployments: Deployments, routing: RoutingState, hooks: CompletionHooks = {}): Promise<void> {
  const route: RouteOutcome = { deployment_id: null, provider: null, provider_model: null, attempts: 0, ttft_ms: null, strategy: routing.settings.strategy, tries: [], fallbacks: [] };
  if (req.boundary) route.boundary = req.boundary;
  const auto = routing.settings.auto;
  let primary = req.model;
  if (auto && req.model === auto.alias) {
    route.auto = classifyComplexity(req.request, auto);
    primary = route.auto.group;
  }
  const first = deployments.group(primary);
  if (!first) {
    return sink.error({ route, usage: null, error: { code: 'model_not_found', message: `The model "${req.model}" does not exist.` } });
  }
  const ctx = { req, request: forProvider(req.request), sink, deployments, routing, hooks, route, started: performance.now(), tokens: promptTokens(req.request) };
  const visited = new Set<string>();
  let queue = [first[0].group];
  let plannedGeneric = false;
  let reason = 'strategy';
  let last: GroupResult | null = null;
  let failure: ProviderError | null = null;
  while (queue.length > 0 && !sink.signal.aborted) {
    const name = queue.shift()!;
    visited.add(name);
    const group = deployments.group(name);
    if (!group) continue;
    last = await new GroupRun(ctx, group, reason, failure).run();
    failure = last.failure;
    if (last.kind === 'done') return finish(route, req.model);
    const why = last.kind === 'fallback' ? last.reason : 'failed';
    if (last.kind === 'fallback') {
      queue = fallbackGroups(name, last.reason, routing.settings, req.fallbacks, visited);
      plannedGeneric = true; // LiteLLM: a context-window / content-policy error uses only its own list
    } else if (!plannedGeneric) {
      queue.push(...fallbackGroups(first[0].group, 'failed', routing.settings, req.fallbacks, visited));
      plannedGeneric = true;
    }
    const to = queue[0];
    if (to !== undefined) {
      const tag = last.kind === 'exhausted' && last.why === 'boundary' ? 'boundary' : why;
      route.fallbacks!.push({ from: name, to, reason: tag });
      Metrics.routerFallbacks.inc({ from: name, to, reason: tag });
      reason = `fallback:${tag}`;
    }
  }
  finish(route, req.model);
  sink.error({ route, usage: null, error: exhaustedError(req, route, last, sink.signal.aborted) });
}

export interface RunContext {
  req: RouterRequest;
  request: ChatCompletionRequest;
  sink: FrameSink;
  deployments: Deployments;
  routing: RoutingState;
  hooks: CompletionHooks;
  route: RouteOutcome;
  started: number;
  tokens: number;
}

/** Calls one deployment and reports the attempt to hooks, traces and the routing state. */
export async function attemptOn(ctx: RunContext, d: Deployment, groupSize: number, why: string): Promise<{ attempt: Attempt; failure: ProviderError | null; durationMs: number }> {
  const { route, sink, hooks } = ctx;
  Object.assign(route, { deployment_id: d.id, provider: d.provider, provider_model: d.providerModel, group: d.group, attempts: route.attempts + 1 });
  const t0 = performance.now();
  const entry = { deployment_id: d.id, group: d.group, outcome: 'ok', duration_ms: 0, reason: why };
  const record = () => {
    entry.duration_ms = Math.round((performance.now() - t0) * 10) / 10;
    if (!route.tries!.includes(entry)) route.tries!.push(entry);
  };
  const attempt = new Attempt(ctx.request, ctx.req.stream, sink, ctx.deployments.routable(d), route, ctx.started, record);
  ctx.routing.started(d, Date.now(), ctx.tokens);
  const span = tracingEnabled() ? providerSpan(d, hooks.traceparent) : null;
  const failure = await attempt.run();
  const durationMs = performance.now() - t0;
  if (span) endProviderSpan(span, failure, attempt.reportedUsage, route.ttft_ms);
  const outcome = failure ? (sink.signal.aborted ? 'cancelled' : failure.kind) : 'ok';
  entry.outcome = outcome;
  record();
  hooks.report?.({ deployment: d, outcome, durationMs, ttftMs: route.ttft_ms, usage: attempt.reportedUsage, error: failure && !sink.signal.aborted ? failure.message : null });
  return { attempt, failure, durationMs };
}

function finish(route: RouteOutcome, model: string): void {
  if (route.attempts > 1) Metrics.routerRetries.inc({ model });
}

function forProvider(request: ChatCompletionRequest): ChatCompletionRequest {
  if (!ROUTER_ONLY.some((k) => k in request)) return request;
  const out: Record<string, unknown> = { ...request };
  for (const k of ROUTER_ONLY) delete out[k];
  return out as ChatCompletionRequest;
}

/** About four characters a token, over the message text: for tpm checks before the call. */
function promptTokens(request: ChatCompletionRequest): number {
  let chars = 0;
  for (const m of request.messages) {
    if (typeof m.content === 'string') chars += m.content.length;
    else if (Array.isArray(m.content)) for (const p of m.content) chars += typeof p.text === 'string' ? p.text.length : 0;
  }
  return Math.ceil(chars / 4);
}
