import { statSync } from 'node:fs';
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
  /** Deployments with `os.file/` references: re-resolved when a file changes (issue #4). */
  private readonly fileRefs = new Map<string, { paths: string[]; stamp: string; checkedAt: number; build: () => Routable }>();

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
      const build = (): Routable => ({
        deployment: d,
        adapter,
        apiKey: d.apiKey ? resolve('api_key', d.apiKey) : null,
        params: Object.fromEntries(Object.entries(d.extra).map(([k, v]) => [k, typeof v === 'string' && isSecretRef(v) ? resolve(k, v) : v])),
      });
      this.byId.set(d.id, build());
      const paths = [d.apiKey, ...Object.values(d.extra)]
        .filter((v): v is string => typeof v === 'string' && v.startsWith('os.file/'))
        .map((v) => v.slice('os.file/'.length));
      if (paths.length) this.fileRefs.set(d.id, { paths, stamp: fileStamp(paths), checkedAt: Date.now(), build });
    }
  }

  /** The deployments of the group a client's model names (after aliases), or null. */
  group(model: string): Deployment[] | null {
    const name = resolveGroup(this.config, model);
    return name ? this.config.groups.get(name)! : null;
  }

  routable(d: Deployment, now = Date.now()): Routable {
    const refs = this.fileRefs.get(d.id);
    if (refs && now - refs.checkedAt >= FILE_CHECK_MS) this.reread(d.id, refs, now);
    return this.byId.get(d.id)!;
  }

  /**
   * The Vault Agent pattern: an agent rewrites (or atomically replaces) the secret file; at most
   * once per FILE_CHECK_MS a request stats it (mtime, size, inode) and re-reads it when it
   * changed, so a rotated provider key is used without a restart. A file that cannot be read
   * keeps the last good value (an agent mid-write must not take the deployment down).
   */
  private reread(id: string, refs: { paths: string[]; stamp: string; checkedAt: number; build: () => Routable }, now: number): void {
    refs.checkedAt = now;
    const stamp = fileStamp(refs.paths);
    if (stamp === refs.stamp) return;
    try {
      this.byId.set(id, refs.build());
      refs.stamp = stamp;
    } catch {
      // keep the previous credential; try again at the next check
    }
  }

  /** LiteLLM's `num_retries` (router_settings first), default 2. */
  get numRetries(): number {
    return this.config.routerSettings.num_retries ?? this.config.litellmSettings.num_retries ?? 2;
  }
}

/** How often a request may stat a deployment's secret files. */
export const FILE_CHECK_MS = 1_000;

function fileStamp(paths: string[]): string {
  return paths
    .map((p) => {
      try {
        const st = statSync(p);
        return `${st.mtimeMs}:${st.size}:${st.ino}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}
