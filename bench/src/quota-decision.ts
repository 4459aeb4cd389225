import { type ChatCompletionRequest, type Principal, QuotaAdmitV2, type ScopeLimits } from '@gatehouse/contracts';
import { parseConfig } from '@gatehouse/config';
import { worstCase } from '../../services/ingress/src/quota/estimate';
import { scopesFor } from '../../services/ingress/src/quota/scopes';
import type { BudgetProjection } from '../../services/quota/src/budget/budget-projection';
import { ScopeBook } from '../../services/quota/src/budget/scope-book';
import type { BudgetWriter } from '../../services/quota/src/events/budget-writer';
import { AdmissionService } from '../../services/quota/src/limits/admission.service';
import { quantile } from './stats';

/**
 * The admission decision alone, in this process (no NATS): request validation (the contract's
 * zod schema, as the partition server does) and `AdmissionService.admit`, memory only far from the
 * limits. Each admitted request is then settled as its event would, so the state stays bounded.
 * Says how much of the round trip is quota's own work. Latency in µs.
 */
export async function measureDecision(keys: number, requests: number): Promise<{ p50: number; p99: number; p999: number }> {
  const book = new ScopeBook();
  const projection = { book } as unknown as BudgetProjection; // the budget follower is never needed far from a limit
  const admission = new AdmissionService(projection, null as unknown as BudgetWriter, { instanceId: 'bench', headroomFraction: 0.05, reservationTtlMs: 900_000, now: Date.now });
  const limits: ScopeLimits = { rpm: 1_000_000, tpm: 1_000_000_000, max_parallel: null, max_budget_usd: 1_000_000, budget_duration: 'monthly' };
  const lat: number[] = [];
  for (let n = 0; n < requests; n++) {
    const key = `bench-${n % keys}`;
    const raw = JSON.stringify({ request_id: `d${n}`, partition: 0, scopes: [{ id: `key:${key}`, kind: 'key', label: key, limits }], estimate: { tokens: 300, cost_usd: 0.0001 } });
    const t0 = performance.now();
    const parsed = QuotaAdmitV2.request.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new Error('invalid bench request');
    await admission.admit(parsed.data);
    lat.push((performance.now() - t0) * 1000);
    book.applyRequest(
      { request_id: `d${n}`, occurred_at: new Date().toISOString(), key_id: key, team_id: null, end_user: null, model: null, project: null, usage: { total_tokens: 300 }, cost: { usd: 0.0001 } },
      Date.now(),
    );
  }
  lat.sort((a, b) => a - b);
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), p999: quantile(lat, 0.999) };
}

/**
 * Ingress's share of an admission, in this process: the request's scopes (key, team, project) and
 * its worst-case estimate (the prompt tokenized, priced at the group's dearest deployment) for a
 * short chat request. Latency in µs.
 */
export function measureIngressSide(requests: number): { p50: number; p99: number; p999: number } {
  const config = parseConfig(
    `model_list:\n  - { model_name: gpt-4o, litellm_params: { model: openai/gpt-4o, api_key: sk-unused } }\n` +
      `gatehouse:\n  quota: { teams: { research: { rpm_limit: 600, max_budget: 100 } }, projects: { invoices: { max_budget: 40 } } }\n`,
    'bench',
  );
  const deployments = config.groups.get('gpt-4o')!;
  const principal: Principal = {
    key_id: 'key_bench', key_alias: 'bench', team_id: 'research', user_id: null, role: 'internal_user', models: ['*'],
    rpm_limit: 600, tpm_limit: 100_000, max_parallel_requests: null, metadata: {}, max_budget: 10, budget_duration: '1d', project: 'invoices',
  };
  const lat: number[] = [];
  for (let n = 0; n < requests; n++) {
    const req = { model: 'gpt-4o', messages: [{ role: 'user', content: `Summarise invoice ${n} for the quarterly report, please, in three bullet points.` }], max_tokens: 256 } as ChatCompletionRequest;
    const t0 = performance.now();
    scopesFor(config, principal, req.model, null);
    worstCase(req, deployments, 4096);
    lat.push((performance.now() - t0) * 1000);
  }
  lat.sort((a, b) => a - b);
  return { p50: quantile(lat, 0.5), p99: quantile(lat, 0.99), p999: quantile(lat, 0.999) };
}
