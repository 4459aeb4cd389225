import 'reflect-metadata';
import { RouterCompleteV1 } from '@gatehouse/contracts';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { RouterModule } from './router.module';

/**
 * router: the only service that holds provider credentials and calls providers. Serves
 * `gh.rpc.router.complete.v1` (a streaming reply) in the `router` queue group.
 */
export function startRouter(opts: { natsUrl?: string; config?: GatewayConfig } = {}) {
  const config = opts.config ?? loadConfig();
  return startRpcService({
    service: 'router',
    contracts: [RouterCompleteV1],
    streaming: [RouterCompleteV1],
    module: (nc) => RouterModule.register(config, nc),
    natsUrl: opts.natsUrl,
  });
}

if (require.main === module) runAsProcess('router', () => startRouter());
