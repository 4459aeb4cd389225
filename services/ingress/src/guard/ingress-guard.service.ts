import { Inject, Injectable } from '@nestjs/common';
import { type ChatCompletionRequest, GatehouseError, GuardScanV2, type GuardVerdict, type RpcResponse } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { BuiltInDetectors, decide, type GuardPolicy, MaskVault, resolvePolicy, scanUnits } from '@gatehouse/detectors';
import { type CallContext, RpcClient } from '@gatehouse/nats';
import { forRequest, type Logger } from '@gatehouse/telemetry';
import type { RequestRecord } from '../chat/request-record';
import { INGRESS_LOGGER } from '../logger.token';
import { applyEdits, toVerdict } from './apply';
import { OutputGuard } from './output-guard';
import { toUnits } from './units';

/** What the inbound scan decided: the verdict for the audit and the request the provider may see. */
export interface Guarded {
  verdict: GuardVerdict | null;
  request: ChatCompletionRequest;
  /**
   * A blocked request as it may be stored (docs/adr/0012): every span a finding blocks, redacts or
   * masks replaced by `[REDACTED_<label>]`, so the value that caused the block is never kept.
   */
  stored?: ChatCompletionRequest;
}

/**
 * Ingress's half of the firewall (docs/adr/0008): sends the request's texts to the guard for
 * detection, applies the caller's team/key policy (block, redact, mask, flag), and keeps what the
 * way back needs (the mask vault, outbound scanning) for the request's lifetime only.
 */
@Injectable()
export class IngressGuard {
  private readonly outputs = new WeakMap<RequestRecord, OutputGuard>();

  constructor(
    private readonly rpc: RpcClient,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(INGRESS_LOGGER) private readonly log: Logger,
  ) {}

  /** Runs in parallel with quota and cache; throws only for a fail-closed guard outage. */
  async inbound(rec: RequestRecord, req: ChatCompletionRequest, ctx: CallContext): Promise<Guarded> {
    const p = rec.principal;
    const policy = resolvePolicy(this.config.gatehouse.guard, p ? { team_id: p.team_id, key_id: p.key_id, key_alias: p.key_alias } : null, this.config.gatehouse.timeouts.guard_ms);
    const vault = new MaskVault();
    const output = new OutputGuard(policy, vault, (f) => this.addOutbound(rec, f));
    this.outputs.set(rec, output);
    if (!policy.enabled) return { verdict: { action: 'allow', findings: [], status: 'disabled' }, request: req };
    const { units, refs } = toUnits(req.messages);
    let detections: RpcResponse<typeof GuardScanV2>['detections'];
    let status: GuardVerdict['status'] = 'ok';
    try {
      const res = await this.rpc.request(GuardScanV2, { request_id: rec.requestId, team_id: p?.team_id ?? null, units, scorers: [...policy.scorers] }, ctx, policy.timeoutMs);
      detections = res.detections;
    } catch (err) {
      if (policy.onFailure === 'closed') {
        throw new GatehouseError('service_unavailable', 'The guard service is unavailable and this team\'s policy is fail-closed.', { retryAfter: 1 }, { cause: err });
      }
      // Fail open: go on, but with the in-process rules (the same library), so masking still holds.
      forRequest(this.log, rec.requestId, rec.traceId).warn({ err }, 'guard unavailable; failing open with in-process rules');
      detections = scanUnits(units, BuiltInDetectors);
      status = 'failed_open';
    }
    const { action, decided } = decide(detections, policy.actions, policy.minScore);
    const verdict = toVerdict(action, decided, units, refs, status);
    if (action !== 'block') return { verdict, request: applyEdits(req, units, refs, decided, vault) };
    const redactAll = decided.map((d) => (d.action === 'flag' ? d : { ...d, action: 'redact' as const }));
    return { verdict, request: req, stored: applyEdits(req, units, refs, redactAll, new MaskVault()) };
  }

  /** A blocked request: 400 `content_policy_violation` naming the detectors. */
  enforce(g: Guarded): void {
    if (g.verdict?.action !== 'block') return;
    const names = [...new Set(g.verdict.findings.filter((f) => f.action === 'block').map((f) => f.detector))].join(', ');
    throw new GatehouseError('content_policy_violation', `Request blocked by the content policy (${names}).`);
  }

  /** The way back of this request (outbound scan, restore of masked values). */
  output(rec: RequestRecord): OutputGuard {
    let o = this.outputs.get(rec);
    if (!o) {
      o = new OutputGuard(resolvePolicy(this.config.gatehouse.guard, null, 0), new MaskVault(), (f) => this.addOutbound(rec, f));
      this.outputs.set(rec, o);
    }
    return o;
  }

  /** Outbound findings join the request's verdict (replacing the previous report of them). */
  private addOutbound(rec: RequestRecord, findings: GuardVerdict['findings']): void {
    const v = rec.guard ?? { action: 'allow', findings: [], status: 'ok' };
    rec.guard = { ...v, findings: [...v.findings.filter((f) => f.direction !== 'outbound'), ...findings] };
  }
}
