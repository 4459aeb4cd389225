import { z } from 'zod';
import { defineRpc, Services } from '../contract';

/** Where a piece of text came from; indirect injection hides in `tool` and `context`. */
export const GuardOrigin = z.enum(['user', 'system', 'assistant', 'tool', 'context', 'output']);

/** Half-open [start, end) offsets in a unit's text: where, never what. */
export const GuardSpan = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

/** One detector or scorer that fired on one unit. */
export const GuardDetection = z.object({
  detector: z.string(),
  version: z.string(),
  /** `injection`, `secret`, `pii` or `scorer`. */
  kind: z.string(),
  /** Placeholder label for redaction and masking (`EMAIL` → `[REDACTED_EMAIL]`, `<EMAIL_1>`). */
  label: z.string(),
  score: z.number().min(0).max(1),
  unit: z.number().int().nonnegative(),
  spans: z.array(GuardSpan),
  reasons: z.array(z.string()),
});
export type GuardDetection = z.infer<typeof GuardDetection>;

/**
 * `gh.rpc.guard.scan.v2` — detection only: every unit (a message's text, or one text part of it)
 * with its role and origin in, detections with offsets out. The caller (ingress) holds the policy
 * and the text, so it applies the actions (block, redact, mask, flag); the matched text never
 * crosses the bus back. Scorers named in `scorers` (configured in the guard) are consulted too.
 */
export const GuardScanV2 = defineRpc({
  service: Services.guard,
  op: 'scan',
  version: 2,
  description: 'Detect injections, secrets and PII in the units of a request (offsets, scores, reasons); the caller applies its policy.',
  timeoutMs: 500,
  request: z.object({
    request_id: z.string(),
    team_id: z.string().nullable(),
    units: z.array(z.object({ role: z.string(), origin: GuardOrigin, text: z.string() })),
    scorers: z.array(z.enum(['model', 'http'])).default([]),
  }),
  response: z.object({
    detections: z.array(GuardDetection),
    /** Scorers that failed or timed out (the built-in engine's detections are still there). */
    scorer_errors: z.array(z.object({ scorer: z.string(), reason: z.string() })).default([]),
  }),
  example: {
    request: { request_id: 'req_1', team_id: 'team_a', units: [{ role: 'user', origin: 'user', text: 'mail me at jane@example.com' }], scorers: [] },
    response: {
      detections: [{ detector: 'pii.email', version: '1.0.0', kind: 'pii', label: 'EMAIL', score: 1, unit: 0, spans: [{ start: 11, end: 27 }], reasons: ['pii.email'] }],
      scorer_errors: [],
    },
  },
});
