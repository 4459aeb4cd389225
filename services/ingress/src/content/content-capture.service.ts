import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { type ChatCompletion, type ChatCompletionRequest, ContentCapturedV1, dataKeyName } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig, resolveSecret } from '@gatehouse/config';
import { EventPublisher, InjectNats } from '@gatehouse/nats';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import type { RequestRecord } from '../chat/request-record';
import type { RouterCall } from '../chat/router-call';
import type { Guarded } from '../guard/ingress-guard.service';
import { INGRESS_LOGGER } from '../logger.token';
import { anyPolicyStores, type ContentPlan, contentPlan } from './content-policy';
import { type CacheServed, CompletionText, contentDocument } from './content-document';
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
    const text = new CompletionText();
    const next = call.next.bind(call);
    const close = call.close.bind(call);
    let done = false;
    call.next = async () => {
      const f = await next();
      if (f.kind === 'chunk') text.chunk(f.raw);
      else if (f.kind === 'end') {
        if (f.frame.response) text.whole(f.frame.response);
        text.complete = true;
      }
      return f;
    };
    call.close = () => {
      close();
      if (done) return;
      done = true;
      const req = plan.level === 'full' ? original : guarded.request;
      this.track(this.publish(rec, plan, contentDocument(plan.level, req, text)));
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
    const text = new CompletionText();
    text.whole(response);
    const req = plan.level === 'full' ? original : guarded.request;
    this.track(this.publish(rec, plan, contentDocument(plan.level, req, text, cache)));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async publish(rec: RequestRecord, plan: ContentPlan, doc: unknown): Promise<void> {
    const p = rec.principal;
    const subject = rec.endUser ?? p?.user_id ?? null;
    const teamId = p?.team_id ?? null;
    for (let attempt = 1; ; attempt++) {
      try {
        const dk = await this.keys!.getOrCreate(dataKeyName(teamId, subject));
        const envelope = sealContent(dk.key, dk, rec.requestId, doc);
        await this.publisher.publish(ContentCapturedV1, {
          request_id: rec.requestId, occurred_at: rec.occurredAt.toISOString(), team_id: teamId, key_id: p?.key_id ?? null,
          subject, level: plan.level, retention_days: plan.retentionDays, envelope,
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
