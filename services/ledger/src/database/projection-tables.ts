/** Every table the ledger derives from the streams: what `gatehouse ledger rebuild` truncates. */
export const PROJECTION_TABLES = ['audit_entries', 'audit_chain', 'audit_anchors', 'spend_daily', 'spend_tag_daily', 'budget_usage', 'budget_spend_hourly', 'budget_events'] as const;
