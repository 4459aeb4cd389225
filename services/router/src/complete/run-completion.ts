import type { ChatCompletionChunk, EndFrame, ErrorFrame, FinishReason, RouteOutcome, RpcRequest, RouterCompleteV1, Usage } from '@gatehouse/contracts';
import type { Deployment } from '@gatehouse/config';
import type { ProviderCall, ProviderError } from '@gatehouse/providers';
import { pickDeployment } from '../deployments/pick-deployment';
import type { Routable } from '../deployments/deployment-registry.service';
import { asProviderError, providerErrorToWire } from './provider-errors';
import { chunkForClient, estimateUsage } from './usage';
import { endProviderSpan, providerSpan } from './provider-span';
import { tracingEnabled } from '@gatehouse/telemetry';

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

type RouterRequest = RpcRequest<typeof RouterCompleteV1>;

/**
 * Runs one client request to its end: picks a deployment, calls it, and on a retryable failure
 * before anything reached the client tries again (another deployment of the group first).
 * Once a chunk went out, a failure ends the stream with an error frame: never a silent cut.
 * Exactly one `end` or `error` frame is sent, whatever happens.
 */
export async function runCompletion(req: RouterRequest, sink: FrameSink, deployments: Deployments, hooks: CompletionHooks = {}): Promise<void> {
  const route: RouteOutcome = { deployment_id: null, provider: null, provider_model: null, attempts: 0, ttft_ms: null };
  const group = deployments.group(req.model);
  if (!group) {
    return sink.error({ route, usage: null, error: { code: 'model_not_found', message: `The model "${req.model}" does not exist.` } });
  }
  const started = performance.now();
  const tried = new Set<string>();
  let last: ProviderError | null = null;
  while (route.attempts <= deployments.numRetries && !sink.signal.aborted) {
    let d = pickDeployment(group, tried);
    if (!d) {
      // Every deployment failed once: start over, after a pause the provider may have asked for.
      tried.clear();
      await pause(backoffMs(last, route.attempts), sink.signal);
      d = pickDeployment(group, tried);
      if (!d || sink.signal.aborted) break;
    }
    tried.add(d.id);
    Object.assign(route, { deployment_id: d.id, provider: d.provider, provider_model: d.providerModel, attempts: route.attempts + 1 });
    const attempt = new Attempt(req, sink, deployments.routable(d), route, started);
    const t0 = performance.now();
    const span = tracingEnabled() ? providerSpan(d, hooks.traceparent) : null;
    const failure = await attempt.run();
    if (span) endProviderSpan(span, failure, attempt.reportedUsage, route.ttft_ms);
    hooks.report?.({
      deployment: d,
      outcome: failure ? (sink.signal.aborted ? 'cancelled' : failure.kind) : 'ok',
      durationMs: performance.now() - t0,
      ttftMs: route.ttft_ms,
      usage: attempt.reportedUsage,
      error: failure && !sink.signal.aborted ? failure.message : null,
    });
    if (!failure) return;
    if (sink.signal.aborted) return attempt.fail(null); // the client left: not a provider failure
    if (attempt.sentAny || !failure.retryable) return attempt.fail(failure);
    last = failure;
  }
  const error = sink.signal.aborted
    ? { code: 'client_closed_request', message: 'The client closed the request.' }
    : last
      ? providerErrorToWire(last, route.deployment_id)
      : { code: 'service_unavailable', message: `No deployment of "${req.model}" is available.` };
  sink.error({ route, usage: null, error: error as ErrorFrame['error'] });
}

/** One call to one deployment. */
class Attempt {
  sentAny = false;
  private usage: Usage | null = null;
  private finish: FinishReason | null = null;
  private chars = 0;

  constructor(
    private readonly req: RouterRequest,
    private readonly sink: FrameSink,
    private readonly target: Routable,
    private readonly route: RouteOutcome,
    private readonly started: number,
  ) {}

  /** Null on success (the end frame is sent), else the failure for the caller to judge. */
  async run(): Promise<ProviderError | null> {
    const d = this.target.deployment;
    const call: ProviderCall = {
      deployment: d,
      apiKey: this.target.apiKey,
      params: this.target.params,
      request: this.req.request,
      signal: this.sink.signal,
      firstByteTimeoutMs: (this.req.stream ? d.streamTimeoutMs : null) ?? d.timeoutMs,
      timeoutMs: d.timeoutMs,
    };
    try {
      if (this.req.stream) await this.stream(call);
      else {
        const response = await this.target.adapter.chat(call);
        this.route.ttft_ms = performance.now() - this.started;
        this.usage = response.usage ?? null;
        this.finish = response.choices[0]?.finish_reason ?? null;
        this.sink.end({ route: this.route, usage: this.usage, finish_reason: this.finish, response });
        return null;
      }
    } catch (err) {
      return asProviderError(err, this.sink.signal.aborted);
    }
    if (this.sink.signal.aborted) {
      this.fail(null);
      return null;
    }
    this.sink.end({ route: this.route, usage: this.usage ?? estimateUsage(this.req.request, this.chars), finish_reason: this.finish });
    return null;
  }

  private async stream(call: ProviderCall): Promise<void> {
    const wantsUsage = this.req.request.stream_options?.include_usage === true;
    for await (const chunk of this.target.adapter.chatStream(call)) {
      if (this.route.ttft_ms === null) this.route.ttft_ms = performance.now() - this.started;
      if (chunk.usage) this.usage = chunk.usage;
      for (const c of chunk.choices) {
        if (c.finish_reason) this.finish = c.finish_reason;
        this.chars += c.delta.content?.length ?? 0;
      }
      const out = chunkForClient(chunk, wantsUsage);
      if (!out) continue;
      if (!(await this.sink.chunk(out))) return; // cancelled: the caller reports it
      this.sentAny = true;
    }
  }

  get reportedUsage(): Usage | null {
    return this.usage;
  }

  /** Ends the request with an error frame; what was generated so far is still reported (billed). */
  fail(err: ProviderError | null): void {
    const usage = this.usage ?? (this.sentAny || this.chars > 0 ? estimateUsage(this.req.request, this.chars) : null);
    const error = err
      ? providerErrorToWire(err, this.route.deployment_id)
      : { code: 'client_closed_request' as const, message: 'The client closed the request.' };
    this.sink.error({ route: this.route, usage, error: error as ErrorFrame['error'] });
  }
}

function backoffMs(last: ProviderError | null, attempts: number): number {
  if (last?.retryAfterS) return Math.min(last.retryAfterS * 1000, 5_000);
  return Math.min(100 * 2 ** attempts, 2_000);
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}
