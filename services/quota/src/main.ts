import 'reflect-metadata';
import { QuotaAdmitV1 } from '@gatehouse/contracts';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { QuotaModule } from './quota.module';

/** quota: may this request start now? Serves `gh.rpc.quota.*` in the `quota` queue group. */
export function startQuota(opts: { natsUrl?: string } = {}) {
  return startRpcService({ service: 'quota', contracts: [QuotaAdmitV1], module: () => QuotaModule, natsUrl: opts.natsUrl });
}

if (require.main === module) runAsProcess('quota', () => startQuota());
