import { BudgetThresholdReachedV1 } from '@gatehouse/contracts';
import { Metrics } from '@gatehouse/telemetry';
import type { ScopeState } from '../budget/scope-state';
import type { BudgetWriter } from '../events/budget-writer';
import { crossedThresholds } from './thresholds';

export interface AlertOptions {
  thresholds: readonly number[];
  webhookUrl: string | null;
  onError: (err: unknown) => void;
}

/**
 * Soft alerts: once a scope's spend crosses a threshold this period, appends
 * `budget.threshold_reached` (message id `<scope>|<period>|<threshold>`, so two owners during a
 * handover announce it once) and POSTs it to the webhook. The alert is marked fired at once; the
 * event makes that survive a restart.
 */
export class AlertSender {
  constructor(
    private readonly writer: BudgetWriter,
    private readonly opts: AlertOptions,
  ) {}

  check(s: ScopeState, now: number): void {
    const max = s.limits?.max_budget_usd;
    if (max) Metrics.budgetUsed.set({ scope: s.id }, s.spent(s.period(now)) / max); // burn-down, on the scope's owner
    for (const c of crossedThresholds(s, now, this.opts.thresholds)) {
      s.fired.add(`${c.period}|${c.threshold}`);
      const payload = {
        alert_id: `${s.id}|${c.period}|${c.threshold}`,
        scope_id: s.id,
        period: c.period,
        threshold: c.threshold,
        spent_usd: round(c.spent),
        max_budget_usd: c.max,
        occurred_at: new Date(now).toISOString(),
      };
      void this.writer
        .append(BudgetThresholdReachedV1, s.id, payload)
        .then(({ duplicate }) => (duplicate ? undefined : this.post({ type: BudgetThresholdReachedV1.type, label: s.label, ...payload })))
        .catch(this.opts.onError);
    }
  }

  private async post(body: Record<string, unknown>): Promise<void> {
    if (!this.opts.webhookUrl) return;
    const res = await fetch(this.opts.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`alert webhook answered ${res.status}`);
  }
}

const round = (v: number) => Math.round(v * 1e10) / 1e10;
