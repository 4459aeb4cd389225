import 'reflect-metadata';
import { IdentityAuthenticateV1, IdentityIssue4RpcContracts } from '@gatehouse/contracts';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { IdentityLog } from './events/identity-log.service';
import { IdentityModule } from './identity.module';

/**
 * identity: who is calling, and the keys and teams behind it. Serves `gh.rpc.identity.*` in the
 * `identity` queue group once it replayed GH_IDENTITY.
 */
export function startIdentity(opts: { natsUrl?: string; config?: GatewayConfig } = {}) {
  const config = opts.config ?? loadConfig();
  return startRpcService({
    service: 'identity',
    contracts: [IdentityAuthenticateV1, ...IdentityIssue4RpcContracts],
    module: (nc) => IdentityModule.register(config, nc),
    health: (app) => {
      const log = app.get(IdentityLog);
      return { ready: true, details: { identity_seq: log.state.seq, keys: log.state.keys.size, teams: log.state.teams.size } };
    },
    natsUrl: opts.natsUrl,
  });
}

if (require.main === module) runAsProcess('identity', () => startIdentity());
