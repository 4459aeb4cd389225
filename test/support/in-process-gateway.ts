import { type GatewayConfig, parseConfig } from '@gatehouse/config';
import { startCache } from '../../services/cache/src/main';
import { startGuard } from '../../services/guard/src/main';
import { startIdentity } from '../../services/identity/src/main';
import { startIngress } from '../../services/ingress/src/main';
import { type QuotaOptions, startQuota } from '../../services/quota/src/main';
import { startRouter } from '../../services/router/src/main';

export interface Closable {
  close(): Promise<void>;
}

export interface InProcessGateway {
  /** Base URLs of the ingress replicas (`http://127.0.0.1:<port>`). */
  urls: string[];
  config: GatewayConfig;
  /** Every running service instance by name, for tests that stop one. */
  services: Record<string, Closable[]>;
  close(): Promise<void>;
}

export const TEST_KEY = 'sk-gh-test-key-0001';
export const TEST_MASTER_KEY = 'sk-gh-test-master-key';

/**
 * The hot-path services (every one but the ledger) as NestJS apps inside the test process, each
 * with its own NATS connection to a real nats-server: replicas are real queue-group members.
 * Used by integration tests; the e2e tests run the built processes instead.
 */
export async function startInProcessGateway(opts: {
  natsUrl: string;
  configYaml: string;
  ingressReplicas?: number;
  routerReplicas?: number;
  /** Identity replicas (default 1); each replays GH_IDENTITY and applies every event. */
  identityReplicas?: number;
  /** Quota replicas (default 1; each owns a share of the 64 partitions) and their options. */
  quotaReplicas?: number;
  quota?: QuotaOptions;
}): Promise<InProcessGateway> {
  const config = parseConfig(opts.configYaml, 'test');
  const services: Record<string, Closable[]> = { identity: [], quota: [], guard: [], cache: [], router: [], ingress: [] };
  const natsUrl = opts.natsUrl;
  for (let i = 0; i < (opts.identityReplicas ?? 1); i++) services.identity.push(await startIdentity({ natsUrl, config }));
  for (let i = 0; i < (opts.quotaReplicas ?? 1); i++) services.quota.push(await startQuota({ config, ...opts.quota, natsUrl }));
  services.guard.push(await startGuard({ natsUrl }));
  services.cache.push(await startCache({ natsUrl }));
  for (let i = 0; i < (opts.routerReplicas ?? 2); i++) services.router.push(await startRouter({ natsUrl, config }));
  const urls: string[] = [];
  for (let i = 0; i < (opts.ingressReplicas ?? 2); i++) {
    const ingress = await startIngress({ natsUrl, config, port: 0 });
    services.ingress.push(ingress);
    urls.push(ingress.url);
  }
  return {
    urls,
    config,
    services,
    async close() {
      for (const name of ['ingress', 'router', 'cache', 'guard', 'quota', 'identity']) {
        await Promise.allSettled(services[name].map((s) => s.close()));
      }
    },
  };
}

/** A config with the test keys and whatever model_list the test needs. */
export function testConfig(modelList: string, extra = ''): string {
  return `
model_list:
${modelList}
general_settings:
  master_key: ${TEST_MASTER_KEY}
gatehouse:
  keys:
    - { key: ${TEST_KEY}, key_alias: test, team_id: team-test }
    - { key: sk-gh-limited-key-0002, key_alias: limited, team_id: team-limited, rpm_limit: 3 }
    - { key: sk-gh-scoped-key-0003, key_alias: scoped, team_id: team-scoped, models: [mock-model] }
${extra}
`;
}
