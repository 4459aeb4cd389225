import 'reflect-metadata';
import { GuardScanV1 } from '@gatehouse/contracts';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { GuardModule } from './guard.module';

/** guard: inbound firewall. Serves `gh.rpc.guard.*` in the `guard` queue group. */
export function startGuard(opts: { natsUrl?: string } = {}) {
  return startRpcService({ service: 'guard', contracts: [GuardScanV1], module: () => GuardModule, natsUrl: opts.natsUrl });
}

if (require.main === module) runAsProcess('guard', () => startGuard());
