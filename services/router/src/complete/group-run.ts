import type { Deployment } from '@gatehouse/config';
import type { ProviderError } from '@gatehouse/providers';
import { backoffMs, judgeFailure } from '../routing/failure-policy';
import type { FallbackReason } from '../routing/fallback-plan';
import { attemptOn, type RunContext } from './run-completion';

export type GroupResult =
  /** Answered, or ended with a frame already sent (a request error, a failure after the first chunk, a cancel). */
  | { kind: 'done'; failure: ProviderError | null }
  /** Nothing left to try here: every deployment failed, is cooling down, or is outside the boundary. */
  | { kind: 'exhausted'; why: 'failed' | 'boundary' | 'cooldown'; failure: ProviderError | null; coolingUntil: number }
  /** The request does not fit this group (context window, content policy): its own fallback list. */
  | { kind: 'fallback'; reason: Exclude<FallbackReason, 'failed'>; failure: ProviderError };

/**
 * The attempts on one group: 1 + `num_retries` at most. A retryable failure moves to another
 * deployment at once (a failover costs the failed attempt only); once each open deployment was
 * tried, a pause (`retry-after`, capped) and another round. Deployments cooling down, outside the
 * boundary or with a wrong credential are never picked.
 */
export class GroupRun {
  private readonly tried = new Set<string>();
  private readonly skip = new Set<string>();

  constructor(
    private readonly ctx: RunContext,
    private readonly group: readonly Deployment[],
    private reason: string,
    private failure: ProviderError | null,
  ) {}

  async run(): Promise<GroupResult> {
    const { ctx } = this;
    const { sink, routing, route } = ctx;
    let attempts = 0;
    let round = 1;
    while (attempts <= routing.settings.numRetries && !sink.signal.aborted) {
      const now = Date.now();
      const sel = routing.select(this.group, { stream: ctx.req.stream, skip: this.skip, requiredTags: ctx.req.boundary?.required_tags ?? [], tokens: ctx.tokens }, now);
      if (route.candidates === undefined) {
        route.candidates = sel.candidates.map((d) => d.id);
        route.excluded = sel.excluded.map((e) => ({ deployment_id: e.deployment.id, reason: e.reason }));
      }
      const d = sel.deployment;
      if (!d) {
        if (sel.excluded.every((e) => e.reason === 'boundary')) return this.exhausted('boundary', now);
        if (!sel.excluded.some((e) => e.reason === 'tried')) return this.exhausted(this.tried.size ? 'failed' : 'cooldown', now);
        // Only deployments skipped for good (a refused credential) are left: a pause changes nothing.
        if (this.tried.size === 0) return this.exhausted('failed', now);
        // Every open deployment was tried once: pause as asked, then another round.
        await pause(backoffMs(this.failure?.retryAfterS ?? null, round++, routing.settings.minBackoffMs, routing.settings.maxBackoffMs), sink.signal);
        for (const id of this.tried) this.skip.delete(id);
        this.tried.clear();
        continue;
      }
      attempts++;
      this.tried.add(d.id);
      this.skip.add(d.id);
      const { attempt, failure } = await attemptOn(ctx, d, this.group.length, this.reason);
      this.reason = 'retry';
      const judged = failure && !sink.signal.aborted ? judgeFailure(failure.kind) : null;
      routing.finished(d, Date.now(), {
        stream: ctx.req.stream,
        outcome: failure ? failure.kind : 'ok',
        blames: judged?.blames ?? false,
        latencyMs: attempt.latencyMs ?? (failure?.kind === 'timeout' ? performance.now() - ctx.started : null),
        completionTokens: attempt.reportedUsage?.completion_tokens ?? 0,
        groupSize: this.group.length,
      });
      if (!failure) return { kind: 'done', failure: null };
      if (sink.signal.aborted) {
        attempt.fail(null); // the client left: not the provider's failure
        return { kind: 'done', failure: null };
      }
      this.failure = failure;
      if (attempt.sentAny || judged!.next === 'stop') {
        attempt.fail(failure);
        return { kind: 'done', failure };
      }
      if (judged!.next === 'context_window' || judged!.next === 'content_policy') return { kind: 'fallback', reason: judged!.next, failure };
      if (judged!.next === 'skip_deployment') this.tried.delete(d.id); // stays in `skip` for good
    }
    return this.exhausted('failed', Date.now());
  }

  private exhausted(why: 'failed' | 'boundary' | 'cooldown', now: number): GroupResult {
    let coolingUntil = 0;
    for (const d of this.group) {
      const until = this.ctx.routing.coolingUntil(d.id, now);
      if (until && (!coolingUntil || until < coolingUntil)) coolingUntil = until;
    }
    return { kind: 'exhausted', why, failure: this.failure, coolingUntil };
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = () => (clearTimeout(t), resolve());
    const t = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
