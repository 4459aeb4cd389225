import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GuardScanV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { scanMessages } from './engine';

@Controller()
export class ScanHandler implements Handles<typeof GuardScanV1> {
  @RpcHandler(GuardScanV1)
  async handle(@Payload() req: RpcRequest<typeof GuardScanV1>): Promise<RpcResponse<typeof GuardScanV1>> {
    return scanMessages(req.messages);
  }
}
