import { Injectable } from '@nestjs/common';
import { type Deployment, type GatewayConfig, InjectConfig, resolveGroup, resolveSecret } from '@gatehouse/config';
import { adapterFor, type ProviderAdapter } from '@gatehouse/providers';

export interface Routable {
  deployment: Deployment;
  adapter: ProviderAdapter;
  apiKey: string | null;
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
      let apiKey: string | null = null;
      try {
        apiKey = d.apiKey ? resolveSecret(d.apiKey) : null;
      } catch (err) {
        throw new Error(`model_list: deployment "${d.id}" api_key: ${(err as Error).message}`);
      }
      this.byId.set(d.id, { deployment: d, adapter, apiKey });
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
