import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GuardScanV1, GuardScanV2, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { type GuardPolicy, resolvePolicy } from '@gatehouse/detectors';
import { detect } from './detect';
import { scanMessages } from './engine';
import { GUARD_CONTEXT, type GuardContext } from '../guard-context';

/** v1: the whole verdict decided here (team policy from the guard's config); kept for older callers. */
@Controller()
export class ScanHandler implements Handles<typeof GuardScanV1> {
  constructor(@Inject(GUARD_CONTEXT) private readonly ctx: GuardContext) {}

  @RpcHandler(GuardScanV1)
  async handle(@Payload() req: RpcRequest<typeof GuardScanV1>): Promise<RpcResponse<typeof GuardScanV1>> {
    const policy: GuardPolicy = resolvePolicy(this.ctx.settings, req.team_id ? { team_id: req.team_id, key_id: '', key_alias: null } : null, 500);
    return scanMessages(req.messages, policy);
  }
}

/** v2: detections with offsets; ingress applies the per-team/key policy. */
@Controller()
export class ScanV2Handler implements Handles<typeof GuardScanV2> {
  constructor(@Inject(GUARD_CONTEXT) private readonly ctx: GuardContext) {}

  @RpcHandler(GuardScanV2)
  async handle(@Payload() req: RpcRequest<typeof GuardScanV2>): Promise<RpcResponse<typeof GuardScanV2>> {
    return detect(req, this.ctx.scorers);
  }
}
