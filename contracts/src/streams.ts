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
  GH_IDENTITY: {
    name: 'GH_IDENTITY',
    subjects: ['gh.evt.key.>', 'gh.evt.team.>'],
    description: 'Every change to virtual keys and teams: identity rebuilds its state from it. Secret-bearing: holds key digests (docs/adr/0006).',
    /** Kept forever: it is the only store of keys and teams. */
    maxAgeMs: 0,
    duplicateWindowMs: 120_000,
  },
  GH_BUDGET: {
    name: 'GH_BUDGET',
    subjects: ['gh.evt.budget.>'],
    description: 'Budget reservations near a limit, their expiry, and threshold alerts; one subject per scope (docs/adr/0005).',
    /** A reservation or alert matters within its budget period at most (the longest is 31 days). */
    maxAgeMs: 35 * 24 * 3_600_000,
    duplicateWindowMs: 120_000,
  },
  GH_ROUTER: {
    name: 'GH_ROUTER',
    subjects: ['gh.evt.router.>'],
    description: 'Deployment cooldowns and recoveries, shared by every router replica (docs/adr/0007).',
    /** A cooldown lasts seconds to minutes; a day is plenty for a late replica and for operators. */
    maxAgeMs: 24 * 3_600_000,
    duplicateWindowMs: 120_000,
  },
  GH_CONTENT: {
    name: 'GH_CONTENT',
    subjects: ['gh.evt.content.>'],
    description: 'Encrypted request content (per team policy) and forget records; the ledger copies content to Postgres (docs/adr/0010).',
    /** Ciphertext only; the ledger's copy is what retention governs, so the stream keeps a week for catch-up. */
    maxAgeMs: 7 * 24 * 3_600_000,
    duplicateWindowMs: 120_000,
  },
} as const;

export type StreamName = keyof typeof Streams;
export type StreamSpec = (typeof Streams)[StreamName];
