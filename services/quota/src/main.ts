import 'reflect-metadata';
import { type GatewayConfig, loadConfig } from '@gatehouse/config';
import { runAsProcess, startRpcService } from '@gatehouse/nats';
import { QuotaEngine, type QuotaEngineOptions } from './quota-engine';
import { QuotaModule } from './quota.module';

export interface QuotaOptions extends QuotaEngineOptions {
  natsUrl?: string;
  config?: GatewayConfig;
}

/**
 * quota: may this request start now? Serves `gh.rpc.quota.admit.v2.p<NN>` for the partitions it
 * owns (shared, exact limits and budgets: docs/adr/0005), and its ping in the `quota` queue group.
 */
export async function startQuota(opts: QuotaOptions = {}) {
  const q = (opts.config ?? tryLoadConfig())?.gatehouse.quota;
  let started: QuotaEngine | null = null;
  const svc = await startRpcService({
    service: 'quota',
    contracts: [],
    module: () => QuotaModule,
    natsUrl: opts.natsUrl,
    // Ready once the budget projection caught up and the replica takes part in the leases.
    health: () => ({ ready: started?.ready ?? false, details: { partitions: started?.leases.owned.size ?? 0 } }),
  });
  const engine = new QuotaEngine(svc.nc, {
    headroomFraction: q?.headroom_fraction,
    parallelHeadroomFraction: q?.parallel_headroom_fraction,
    reservationTtlMs: q ? q.reservation_ttl_s * 1000 : undefined,
    alertThresholds: q?.alert_thresholds,
    alertWebhookUrl: q?.alert_webhook_url ?? null,
    ...stripUndefined(opts),
  });
  await engine.start();
  started = engine;
  return {
    ...svc,
    engine,
    async close() {
      await engine.close();
      await svc.close();
    },
    /** A crash, as the other replicas see it: no handover, leases left to expire (tests). */
    async kill() {
      engine.abandon();
      await svc.nc.close();
      await svc.app.close().catch(() => undefined);
    },
  };
}

function tryLoadConfig(): GatewayConfig | null {
  try {
    return loadConfig();
  } catch {
    return null;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

if (require.main === module) runAsProcess('quota', () => startQuota());
