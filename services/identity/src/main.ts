import 'reflect-metadata';
import { IdentityAuthenticateV1 } from '@gatehouse/contracts';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { IdentityModule } from './identity.module';

/** identity: who is calling. Serves `gh.rpc.identity.*` in the `identity` queue group. */
export function startIdentity(opts: { natsUrl?: string; config?: GatewayConfig } = {}) {
  const config = opts.config ?? loadConfig();
  return startRpcService({
    service: 'identity',
    contracts: [IdentityAuthenticateV1],
    module: () => IdentityModule.register(config),
    natsUrl: opts.natsUrl,
  });
}

if (require.main === module) runAsProcess('identity', () => startIdentity());
