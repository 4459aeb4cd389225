import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RouterEmbedV1, type RpcRequest, type RpcResponse } from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { DeploymentRegistry } from '../deployments/deployment-registry.service';
import { runEmbedding } from './run-embedding';

/** `gh.rpc.router.embed.v1`: one embeddings call, answered in one reply. */
@Controller()
export class EmbedHandler implements Handles<typeof RouterEmbedV1> {
  constructor(
    private readonly deployments: DeploymentRegistry,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  @RpcHandler(RouterEmbedV1)
  async handle(@Payload() req: RpcRequest<typeof RouterEmbedV1>): Promise<RpcResponse<typeof RouterEmbedV1>> {
    // Each attempt is bounded by its deployment's timeout; a plain request has nobody to cancel it.
    const signal = new AbortController().signal;
    return runEmbedding(req.model, req.request, this.deployments, { dropParams: this.config.litellmSettings.drop_params === true, signal });
  }
}
