import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { BudgetEventRow } from './budget-row';

/** `budget_usage`: one scope in one budget period, from GH_BUDGET (docs/adr/0010, "Budget usage"). */
export interface BudgetUsageEntityRow {
  scope_id: string;
  period: string;
  reservations: number;
  reserved_usd: string;
  releases: number;
  released_usd: string;
  alerts: number;
  last_threshold: number | null;
  last_spent_usd: string | null;
  max_budget_usd: string | null;
}

// Amounts are numeric and read as strings: sums stay exact.
export const BudgetUsage = new EntitySchema<BudgetUsageEntityRow>({
  name: 'BudgetUsage',
  tableName: 'budget_usage',
  properties: {
    scope_id: { type: 'text', primary: true },
    period: { type: 'text', primary: true },
    reservations: { type: new BigIntType('number') },
    reserved_usd: { type: 'decimal', columnType: 'numeric(24,10)' },
    releases: { type: new BigIntType('number') },
    released_usd: { type: 'decimal', columnType: 'numeric(24,10)' },
    alerts: { type: new BigIntType('number') },
    last_threshold: { type: 'double', nullable: true },
    last_spent_usd: { type: 'decimal', columnType: 'numeric(24,10)', nullable: true },
    max_budget_usd: { type: 'decimal', columnType: 'numeric(24,10)', nullable: true },
  },
});

/** `budget_spend_hourly`: what the requests counted against a scope cost, per UTC hour. */
export interface BudgetSpendHourRow {
  scope_id: string;
  hour: Date;
  requests: number;
  cost_usd: string;
}

export const BudgetSpendHour = new EntitySchema<BudgetSpendHourRow>({
  name: 'BudgetSpendHour',
  tableName: 'budget_spend_hourly',
  properties: {
    scope_id: { type: 'text', primary: true },
    hour: { type: 'Date', columnType: 'timestamptz', primary: true },
    requests: { type: new BigIntType('number') },
    cost_usd: { type: 'decimal', columnType: 'numeric(24,10)' },
  },
});

/** `budget_events`: every GH_BUDGET event once, keyed by (kind, message id). */
export const BudgetEvent = new EntitySchema<Omit<BudgetEventRow, 'amount_usd' | 'spent_usd' | 'max_budget_usd'> & { amount_usd: string | null; spent_usd: string | null; max_budget_usd: string | null }>({
  name: 'BudgetEvent',
  tableName: 'budget_events',
  properties: {
    kind: { type: 'text', primary: true },
    event_id: { type: 'text', primary: true },
    scope_id: { type: 'text' },
    period: { type: 'text' },
    request_id: { type: 'text', nullable: true },
    amount_usd: { type: 'decimal', columnType: 'numeric(24,10)', nullable: true },
    threshold: { type: 'double', nullable: true },
    spent_usd: { type: 'decimal', columnType: 'numeric(24,10)', nullable: true },
    max_budget_usd: { type: 'decimal', columnType: 'numeric(24,10)', nullable: true },
    occurred_at: { type: 'string', columnType: 'timestamptz' },
    stream_seq: { type: new BigIntType('number') },
  },
});
