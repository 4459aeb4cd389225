import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { AuditRow } from './audit-row';

/** `audit_entries`: one row per request, keyed by request id (a late duplicate is ignored). */
export const AuditEntry = new EntitySchema<AuditRow & { recorded_at?: Date }>({
  name: 'AuditEntry',
  tableName: 'audit_entries',
  properties: {
    request_id: { type: 'text', primary: true },
    event_type: { type: 'text' },
    occurred_at: { type: 'Date', columnType: 'timestamptz' },
    trace_id: { type: 'text', nullable: true },
    key_id: { type: 'text', nullable: true },
    key_alias: { type: 'text', nullable: true },
    team_id: { type: 'text', nullable: true },
    user_id: { type: 'text', nullable: true },
    end_user: { type: 'text', nullable: true },
    model: { type: 'text', nullable: true },
    deployment_id: { type: 'text', nullable: true },
    provider: { type: 'text', nullable: true },
    provider_model: { type: 'text', nullable: true },
    status: { type: 'integer' },
    stream: { type: 'boolean' },
    latency_ms: { type: 'double' },
    ttft_ms: { type: 'double', nullable: true },
    prompt_tokens: { type: 'integer' },
    completion_tokens: { type: 'integer' },
    total_tokens: { type: 'integer' },
    // numeric, read back as a number: costs are summed in SQL, not in JS.
    cost_usd: { type: 'double', columnType: 'numeric(20,10)' },
    price_unknown: { type: 'boolean' },
    cache_status: { type: 'text' },
    guard_action: { type: 'text', nullable: true },
    error_code: { type: 'text', nullable: true },
    tags: { type: 'string[]', columnType: 'text[]' },
    budget_scopes: { type: 'string[]', columnType: 'text[]' },
    stream_seq: { type: new BigIntType('number') },
    event: { type: 'json', columnType: 'jsonb' },
    recorded_at: { type: 'Date', columnType: 'timestamptz', defaultRaw: 'now()', nullable: true },
  },
});

export interface ProjectionCheckpointRow {
  projection: string;
  last_seq: number;
  updated_at: Date;
}

/** `projection_checkpoints`: the last stream sequence each projection has applied. */
export const ProjectionCheckpoint = new EntitySchema<ProjectionCheckpointRow>({
  name: 'ProjectionCheckpoint',
  tableName: 'projection_checkpoints',
  properties: {
    projection: { type: 'text', primary: true },
    last_seq: { type: new BigIntType('number') },
    updated_at: { type: 'Date', columnType: 'timestamptz' },
  },
});
