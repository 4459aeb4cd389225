/**
 * JetStream streams: the source of truth. Postgres tables and in-memory state are projections
 * of these. Replicas are 1 on a single server and 3 in production (GATEHOUSE_JS_REPLICAS).
 */
export const Streams = {
  GH_REQUEST: {
    name: 'GH_REQUEST',
    subjects: ['gh.evt.request.>'],
    description: 'One event per finished client request (completed or failed): the audit trail and the source of spend.',
    /** Kept until an operator's retention policy removes it: audit data. */
    maxAgeMs: 0,
    duplicateWindowMs: 120_000,
  },
} as const;

export type StreamName = keyof typeof Streams;
export type StreamSpec = (typeof Streams)[StreamName];
