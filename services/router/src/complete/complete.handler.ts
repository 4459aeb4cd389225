import { Controller, Inject, type OnModuleDestroy } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { GatehouseError, RouterCompleteV1, type RpcRequest } from '@gatehouse/contracts';
import { FrameSenders, type Handles, NatsRpcContext, RpcHandler } from '@gatehouse/nats';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { DeploymentRegistry } from '../deployments/deployment-registry.service';
import { runCompletion } from './run-completion';

/** `gh.rpc.router.complete.v1`: accepts at once, then streams frames until the completion ends. */
@Controller()
export class CompleteHandler implements Handles<typeof RouterCompleteV1>, OnModuleDestroy {
  constructor(
    @Inject(FrameSenders) private readonly senders: FrameSenders,
    private readonly deployments: DeploymentRegistry,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  @RpcHandler(RouterCompleteV1)
  async handle(@Payload() req: RpcRequest<typeof RouterCompleteV1>, @Ctx() ctx: NatsRpcContext): Promise<void> {
    const reply = ctx.msg.reply;
    if (!reply) throw new GatehouseError('invalid_request', 'router.complete needs a reply subject for its frames');
    const credit = this.config.gatehouse.stream_credit;
    const sender = this.senders.open(reply, credit);
    sender.accepted(credit);
    await runCompletion(req, sender, this.deployments);
  }

  async onModuleDestroy(): Promise<void> {
    await this.senders.close();
  }
}
