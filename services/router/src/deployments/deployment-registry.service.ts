import { Injectable } from '@nestjs/common';
import { type Deployment, type GatewayConfig, InjectConfig, isSecretRef, resolveGroup, resolveSecret } from '@gatehouse/config';
import { adapterFor, type ProviderAdapter } from '@gatehouse/providers';

export interface Routable {
  deployment: Deployment;
  adapter: ProviderAdapter;
  apiKey: string | null;
  /** `deployment.extra` with secret references resolved. */
  params: Readonly<Record<string, unknown>>;
}

/**
 * The router's view of the config: each deployment with its adapter and its resolved credential.
 * The only place provider keys are resolved. A provider without an adapter or a key reference
 * that does not resolve stops the router at start: never half-configured.
 */
@Injectable()
export class DeploymentRegistry {
  private readonly byId = new Map<string, Routable>();

  constructor(@InjectConfig() private readonly config: GatewayConfig) {
    for (const d of config.deployments) {
      const adapter = adapterFor(d.provider);
      if (!adapter) throw new Error(`model_list: deployment "${d.id}" uses provider "${d.provider}", which has no adapter`);
      const resolve = (field: string, value: string) => {
        try {
          return resolveSecret(value);
        } catch (err) {
          throw new Error(`model_list: deployment "${d.id}" ${field}: ${(err as Error).message}`);
        }
      };
      const apiKey = d.apiKey ? resolve('api_key', d.apiKey) : null;
      const params = Object.fromEntries(
        Object.entries(d.extra).map(([k, v]) => [k, typeof v === 'string' && isSecretRef(v) ? resolve(k, v) : v]),
      );
      this.byId.set(d.id, { deployment: d, adapter, apiKey, params });
    }
  }

  /** The deployments of the group a client's model names (after aliases), or null. */
  group(model: string): Deployment[] | null {
    const name = resolveGroup(this.config, model);
    return name ? this.config.groups.get(name)! : null;
  }

  routable(d: Deployment): Routable {
    return this.byId.get(d.id)!;
  }

  /** LiteLLM's `num_retries` (router_settings first), default 2. */
  get numRetries(): number {
    return this.config.routerSettings.num_retries ?? this.config.litellmSettings.num_retries ?? 2;
  }
}
