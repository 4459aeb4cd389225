import { Controller, Inject, type OnModuleDestroy } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { GatehouseError, RouterCompleteV1, type RpcRequest } from '@gatehouse/contracts';
import { FrameSenders, type Handles, NatsRpcContext, RpcHandler } from '@gatehouse/nats';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { forRequest, type Logger, parseTraceparent } from '@gatehouse/telemetry';
import { DeploymentHealth } from '../deployments/deployment-health';
import { DeploymentRegistry } from '../deployments/deployment-registry.service';
import { ROUTER_LOGGER } from '../router-logger';
import { RoutingService } from '../routing/routing.service';
import { attemptReporter } from './attempt-reporter';
import { runCompletion } from './run-completion';

/** `gh.rpc.router.complete.v1`: accepts at once, then streams frames until the completion ends. */
@Controller()
export class CompleteHandler implements Handles<typeof RouterCompleteV1>, OnModuleDestroy {
  constructor(
    @Inject(FrameSenders) private readonly senders: FrameSenders,
    private readonly deployments: DeploymentRegistry,
    private readonly health: DeploymentHealth,
    private readonly routing: RoutingService,
    @InjectConfig() private readonly config: GatewayConfig,
    @Inject(ROUTER_LOGGER) private readonly log: Logger,
  ) {}

  @RpcHandler(RouterCompleteV1)
  async handle(@Payload() req: RpcRequest<typeof RouterCompleteV1>, @Ctx() ctx: NatsRpcContext): Promise<void> {
    const reply = ctx.msg.reply;
    if (!reply) throw new GatehouseError('invalid_request', 'router.complete needs a reply subject for its frames');
    const credit = this.config.gatehouse.stream_credit;
    const sender = this.senders.open(reply, credit);
    sender.accepted(credit);
    const log = forRequest(this.log, req.request_id, parseTraceparent(ctx.call.traceparent)?.traceId);
    await runCompletion(req, sender, this.deployments, this.routing.state, {
      report: attemptReporter(this.health, log, req.model),
      traceparent: ctx.call.traceparent,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.senders.close();
  }
}
