import { connect, type NatsConnection } from '@nats-io/transport-node';
import { admitSubject, exampleRequestFacts, partitionOf, QuotaAdmitV2, type QuotaScope, RequestCompletedV1 } from '@gatehouse/contracts';
import { EventPublisher, RpcClient } from '@gatehouse/nats';
import { type NatsServerHandle, startNatsServer, waitFor } from '@gatehouse/testing';
import { startQuota } from '../../services/quota/src/main';

/**
 * A new budget period resets every scope (key, team and project alike) without refusing anything at the
 * boundary: real NATS, one quota replica whose clock the test moves across an hour boundary.
 */
let nats: NatsServerHandle;
let nc: NatsConnection;
let quota: Awaited<ReturnType<typeof startQuota>>;
let offset = 0;
const HOUR = 3_600_000;
const boundary = Math.ceil((Date.now() + 10_000) / HOUR) * HOUR; // the next whole UTC hour
const at = (ms: number) => {
  offset = ms - Date.now();
};

const limits = { rpm: null, tpm: null, max_parallel: null, max_budget_usd: 1, budget_duration: '1h' as const };
const scopes: QuotaScope[] = [
  { id: 'key:k-period', kind: 'key', label: 'key period', limits },
  { id: 'team:t-period', kind: 'team', label: 'team period', limits },
  { id: 'project:p-period', kind: 'project', label: 'project period', limits },
];
const ids = scopes.map((s) => s.id);
const spentEverywhere = (usd: number) => ids.every((id) => Math.abs(quota.engine.spent(id) - usd) < 1e-9);

async function admit(requestId: string, usd: number) {
  const rpc = new RpcClient(nc);
  const results = await Promise.allSettled(
    [...new Set(scopes.map((s) => partitionOf(s.id)))].map((p) =>
      rpc.request({ ...QuotaAdmitV2, subject: admitSubject(p) }, { request_id: requestId, partition: p, scopes: scopes.filter((s) => partitionOf(s.id) === p), estimate: { tokens: 1, cost_usd: usd } }),
    ),
  );
  const refused = results.find((r) => r.status === 'rejected');
  if (refused) throw (refused as PromiseRejectedResult).reason;
}

async function settle(requestId: string, occurredAt: number, usd: number) {
  await new EventPublisher(nc).publish(RequestCompletedV1, {
    ...(exampleRequestFacts as never as Record<string, never>),
    request_id: requestId, key_id: 'k-period', team_id: 't-period', project: 'p-period', end_user: null, model: null,
    occurred_at: new Date(occurredAt).toISOString(), cost: { usd, price_unknown: false },
  } as never);
}

beforeAll(async () => {
  nats = await startNatsServer();
  nc = await connect({ servers: nats.url });
  at(boundary - 3_000);
  quota = await startQuota({ natsUrl: nats.url, now: () => Date.now() + offset });
  await waitFor(() => quota.engine.leases.owned.size === 64, 'all partitions owned');
}, 30_000);

afterAll(async () => {
  await nc?.close();
  await quota?.close();
  await nats?.stop();
});

it('resets key, team and project budgets at the boundary, while the old period still has requests in flight', async () => {
  await admit('r1', 0.9);
  await settle('r1', boundary - 2_900, 0.9);
  await waitFor(() => spentEverywhere(0.9), 'r1 charged to key, team and project');
  await expect(admit('r2', 0.2)).rejects.toMatchObject({ code: 'budget_exceeded', message: expect.stringContaining(`Resets at ${new Date(boundary).toISOString()}`) });
  at(boundary - 1_000);
  await admit('r3', 0.09); // in flight across the boundary
  at(boundary + 1);
  for (const id of ids) expect(quota.engine.spent(id)).toBe(0);
  await admit('r4', 0.95); // the old period's reservation does not count in the new one
  await settle('r3', boundary - 1_000, 0.05); // charged to the period it started in
  await settle('r4', boundary + 1, 0.5);
  await waitFor(() => spentEverywhere(0.5), 'r4 charged to the new period only');
  await admit('r5', 0.5);
});
