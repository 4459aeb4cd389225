import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  type ChatCompletion, type ChatCompletionRequest, ContentCapturedV2, type ContentOutcome, dataKeyName, type EmbeddingsRequest,
  type EmbeddingsResponse, GatehouseError,
} from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig, resolveSecret } from '@gatehouse/config';
import { resolvePolicy } from '@gatehouse/detectors';
import { EventPublisher, InjectNats } from '@gatehouse/nats';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import type { RequestRecord } from '../chat/request-record';
import type { RouterCall } from '../chat/router-call';
import type { Guarded } from '../guard/ingress-guard.service';
import { INGRESS_LOGGER } from '../logger.token';
import { anyPolicyStores, type ContentPlan, contentPlan, refusedPlan } from './content-policy';
import { type CacheServed, CompletionText, contentDocument, type ContentErrorDoc, errorDoc, outcomeOf } from './content-document';
import { embeddingsDocument } from './embeddings-document';
import { DataKeyStore } from './data-key-store';
import { MasterKeyError, parseMasterKey, sealContent } from './envelope-crypto';

/**
 * Content logging per team policy (docs/adr/0010, "Content"). The pipeline hands over each routed
 * request once (`observe`); the frames are watched as they pass to the client (a streamed
 * completion is assembled from its deltas, the client stream is never held), and when the call
 * closes the document is sealed under the team's / subject's data key and published to GH_CONTENT,
 * off the client's path. Plaintext never leaves this process.
 */
@Injectable()
export class ContentCapture implements OnApplicationShutdown {
  readonly keys: DataKeyStore | null;
  private readonly inFlight = new Set<Promise<void>>();
  /** Requests already handed to `observe` / `cached`: a later refusal of the same request is theirs to record. */
  private readonly handled = new WeakSet<RequestRecord>();

  constructor(
    @InjectNats() nc: NatsConnection,
    private readonly publisher: EventPublisher,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
  ) {
    const ref = config.gatehouse.content.master_key;
    if (anyPolicyStores(config.gatehouse.content) && !ref) throw new MasterKeyError('gatehouse.content stores content but gatehouse.content.master_key is not set.');
    this.keys = ref ? new DataKeyStore(nc, parseMasterKey(resolveSecret(ref))) : null;
  }

  /**
   * The one hook in the pipeline: after the router accepted the request. Wraps `call.next` (to see
   * frames) and `call.close` (to finish) on this instance only; a team storing nothing is untouched.
   */
  observe(rec: RequestRecord, original: ChatCompletionRequest, guarded: Guarded, call: RouterCall): void {
    const plan = contentPlan(this.config.gatehouse.content, rec.principal?.team_id ?? null, guarded.verdict !== null && guarded.verdict.status !== 'disabled');
    if (!plan || !this.keys) return;
    this.handled.add(rec);
    const text = new CompletionText();
    const next = call.next.bind(call);
    const close = call.close.bind(call);
    let done = false;
    let failure: ContentErrorDoc | null = null;
    call.next = async () => {
      const f = await next();
      if (f.kind === 'chunk') text.chunk(f.raw);
      else if (f.kind === 'end') {
        if (f.frame.response) text.whole(f.frame.response);
        text.complete = true;
      } else {
        const e = GatehouseError.fromWire(f.frame.error as never);
        failure = errorDoc(e.code, e.status, null);
      }
      return f;
    };
    call.close = () => {
      close();
      if (done) return;
      done = true;
      const req = plan.level === 'full' ? original : guarded.request;
      // The output guard refused the completion: the request is kept, the completion is not.
      const blocked = rec.guard?.findings.some((f) => f.direction === 'outbound' && f.action === 'block') === true;
      if (blocked) return this.track(this.publish(rec, plan, contentDocument(plan.level, req, new CompletionText(), undefined, errorDoc('content_policy_violation', 400, rec.guard)), 'refused'));
      const error = failure ?? (text.complete ? null : errorDoc('client_closed_request', 499, null));
      this.track(this.publish(rec, plan, contentDocument(plan.level, req, text, undefined, error ?? undefined), error ? outcomeOf(error.http_status) : 'completed'));
    };
  }

  /**
   * The other hook: a request answered from the cache (no router call). Its content is captured
   * like any other request's under the team's policy — the request as sent (or as the guard
   * rewrote it) and the stored answer it was served — and the document names the cache entry.
   */
  cached(rec: RequestRecord, original: ChatCompletionRequest, guarded: Guarded, response: ChatCompletion, cache: CacheServed): void {
    const plan = contentPlan(this.config.gatehouse.content, rec.principal?.team_id ?? null, guarded.verdict !== null && guarded.verdict.status !== 'disabled');
    if (!plan || !this.keys) return;
    this.handled.add(rec);
    const text = new CompletionText();
    text.whole(response);
    const req = plan.level === 'full' ? original : guarded.request;
    this.track(this.publish(rec, plan, contentDocument(plan.level, req, text, cache), 'completed'));
  }

  /**
   * A chat request that got no answer (docs/adr/0012): identity knew the key, then the model check,
   * quota, a budget or the guard said no (or a hop failed before the router took it). Waits, off
   * the client's path, for the guard's verdict when the guard was asked (a quota refusal does not
   * cancel it): its block decides what may be stored. Nothing is captured before the key is known
   * (no team, no policy) or when the body did not parse.
   */
  refused(rec: RequestRecord, original: ChatCompletionRequest | null, guarding: Promise<Guarded> | null, err: GatehouseError): void {
    const p = rec.principal;
    if (!p || !original || !this.keys || this.handled.has(rec)) return;
    this.handled.add(rec);
    const on = resolvePolicy(this.config.gatehouse.guard, { team_id: p.team_id, key_id: p.key_id, key_alias: p.key_alias }, 0).enabled;
    this.track((async () => {
      const guarded = guarding ? await guarding.catch(() => null) : null;
      const ran = guarded?.verdict != null && guarded.verdict.status !== 'disabled';
      const blocked = ran && guarded!.verdict!.action === 'block';
      const plan = refusedPlan(this.config.gatehouse.content, p.team_id ?? null, { on, ran, blocked });
      if (!plan) return;
      const req = plan.text === 'stored' ? guarded!.stored : plan.text === 'guarded' ? guarded!.request : original;
      if (!req) return; // a block without its storable form: store nothing rather than the original
      const doc = contentDocument(plan.level, req, new CompletionText(), undefined, errorDoc(err.code, err.status, guarded?.verdict ?? null));
      await this.publish(rec, plan, doc, outcomeOf(err.status));
    })().catch((e: unknown) => forRequest(this.log, rec.requestId, rec.traceId).error({ err: (e as Error).message }, 'refused request content not captured')));
  }

  /**
   * An embeddings request, answered (`response`) or refused (`err`): the input under the team's
   * policy, never the vectors. The guard does not scan embeddings, so `redacted` stores the shape.
   */
  embeddings(rec: RequestRecord, req: EmbeddingsRequest | null, response: EmbeddingsResponse | null, err?: GatehouseError): void {
    const p = rec.principal;
    if (!p || !req || !this.keys || this.handled.has(rec)) return;
    const plan = contentPlan(this.config.gatehouse.content, p.team_id ?? null, false);
    if (!plan) return;
    this.handled.add(rec);
    const error = err ? errorDoc(err.code, err.status, null) : undefined;
    const outcome: ContentOutcome = err ? outcomeOf(err.status) : 'completed';
    this.track(this.publish(rec, plan, embeddingsDocument(plan.level, req, response, error), outcome, error));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async publish(rec: RequestRecord, plan: ContentPlan, doc: { error?: ContentErrorDoc }, outcome: ContentOutcome, error = doc.error): Promise<void> {
    const p = rec.principal;
    const subject = rec.endUser ?? p?.user_id ?? null;
    const teamId = p?.team_id ?? null;
    for (let attempt = 1; ; attempt++) {
      try {
        const dk = await this.keys!.getOrCreate(dataKeyName(teamId, subject));
        const envelope = sealContent(dk.key, dk, rec.requestId, doc);
        await this.publisher.publish(ContentCapturedV2, {
          request_id: rec.requestId, occurred_at: rec.occurredAt.toISOString(), team_id: teamId, key_id: p?.key_id ?? null,
          subject, level: plan.level, retention_days: plan.retentionDays, envelope,
          endpoint: rec.endpoint, outcome, error: error ? { code: error.code, http_status: error.http_status } : null,
        }, { requestId: rec.requestId });
        return;
      } catch (err) {
        // Never the content or a key in the log: the request id and the error's message only.
        const log = forRequest(this.log, rec.requestId, rec.traceId);
        if (attempt >= 5) return log.error({ err: (err as Error).message }, 'content not captured after 5 attempts');
        log.warn({ err: (err as Error).message, attempt }, 'content capture failed; retrying');
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
  }
}
