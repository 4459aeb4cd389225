import 'reflect-metadata';
import { RouterCompleteV1, RouterEmbedV1 } from '@gatehouse/contracts';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { DeploymentHealth } from './deployments/deployment-health';
import { RouterModule } from './router.module';
import { RoutingService } from './routing/routing.service';

/**
 * router: the only service that holds provider credentials and calls providers. Serves
 * `gh.rpc.router.complete.v1` (a streaming reply) and `gh.rpc.router.embed.v1` in the `router` queue group.
 */
export function startRouter(opts: { natsUrl?: string; config?: GatewayConfig } = {}) {
  const config = opts.config ?? loadConfig();
  return startRpcService({
    service: 'router',
    contracts: [RouterCompleteV1, RouterEmbedV1],
    streaming: [RouterCompleteV1],
    module: (nc) => RouterModule.register(config, nc),
    // The ping reply (and so ingress's /health) carries how each deployment answered lately.
    health: (app) => ({ ready: true, details: { deployments: app.get(DeploymentHealth).snapshot(), cooling_down: app.get(RoutingService).state.cooling(Date.now()) } }),
    natsUrl: opts.natsUrl,
  });
}

if (require.main === module) runAsProcess('router', () => startRouter());
