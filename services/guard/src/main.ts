import 'reflect-metadata';
import { GuardScanV1, GuardScanV2 } from '@gatehouse/contracts';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { GuardModule } from './guard.module';

/**
 * guard: the inbound firewall's detection (built-in rules and pluggable scorers). Serves
 * `gh.rpc.guard.*` in the `guard` queue group; v1 (verdicts) and v2 (detections) side by side.
 */
export function startGuard(opts: { natsUrl?: string; config?: GatewayConfig } = {}) {
  const config = opts.config ?? loadConfig();
  return startRpcService({ service: 'guard', contracts: [GuardScanV1, GuardScanV2], module: (nc) => GuardModule.register(config, nc), natsUrl: opts.natsUrl });
}

if (require.main === module) runAsProcess('guard', () => startGuard());
