import { z } from 'zod';

/** `allow` turns a detector off; `flag` lets the request through and records the finding. */
export const GuardActionName = z.enum(['allow', 'flag', 'redact', 'mask', 'block']);
export type GuardActionName = z.infer<typeof GuardActionName>;

/** Detector name → action; `secret.*` matches a family, `*` everything. The most specific key wins. */
const ActionMap = z.record(z.string(), GuardActionName);

/** A team's or key's changes to the default policy; absent fields inherit. */
export const GuardPolicyOverride = z.strictObject({
  actions: ActionMap.optional(),
  /** Findings scoring below are ignored (rules score injections 0–1; checksummed PII scores 1). */
  min_score: z.number().min(0).max(1).optional(),
  /** When the guard is slow or down: `open` goes on with the in-process rules, `closed` answers 503. */
  on_failure: z.enum(['open', 'closed']).optional(),
  timeout_ms: z.number().int().positive().optional(),
  /** Completions: what to do with secrets and PII the model writes (`redact`, `flag`, `block`). */
  outbound: z.strictObject({ enabled: z.boolean().optional(), actions: ActionMap.optional() }).optional(),
  /** Pluggable scorers to consult (`model`, `http`); default: every configured one. */
  scorers: z.array(z.enum(['model', 'http'])).optional(),
});
export type GuardPolicyOverride = z.infer<typeof GuardPolicyOverride>;

const ScorerCommon = {
  timeout_ms: z.number().int().positive().default(300),
  /** A score at or above this is a finding. */
  threshold: z.number().min(0).max(1).default(0.5),
  /** Origins sent to the scorer (the expensive call is spent on untrusted text). */
  origins: z.array(z.enum(['user', 'system', 'assistant', 'tool', 'context'])).default(['user', 'tool', 'context']),
};

/** A guard model served through our own router (Prompt-Guard / Llama-Guard on vLLM, …). */
export const ModelScorerSettings = z.strictObject({
  ...ScorerCommon,
  /** The model group to call, as a client would name it. */
  model: z.string().min(1),
  /** How to read its answer: Llama Guard's `safe` / `unsafe\nS1`, or a bare probability. */
  format: z.enum(['llama_guard', 'probability']).default('llama_guard'),
});

/** An external scanner over HTTP (LLM Guard / Lakera style): POST `{ input }` → `{ score | flagged, reasons }`. */
export const HttpScorerSettings = z.strictObject({
  ...ScorerCommon,
  url: z.url(),
  /** A literal or a reference (`os.environ/NAME`), sent as a bearer token. */
  api_key: z.string().optional(),
});

export const DEFAULT_ACTIONS: Readonly<Record<string, GuardActionName>> = {
  prompt_injection: 'flag',
  jailbreak: 'flag',
  system_prompt_leak: 'flag',
  'secret.*': 'mask',
  'pii.*': 'flag',
  'pii.payment_card': 'redact',
  'pii.iban': 'mask',
  'pii.us_ssn': 'redact',
  'pii.uk_nino': 'redact',
  'pii.ca_sin': 'redact',
  'pii.es_dni': 'redact',
  'scorer.*': 'flag',
};

export const DEFAULT_OUTBOUND_ACTIONS: Readonly<Record<string, GuardActionName>> = {
  'secret.*': 'redact',
  'pii.payment_card': 'redact',
  'pii.us_ssn': 'redact',
  'pii.uk_nino': 'redact',
  'pii.ca_sin': 'redact',
  'pii.es_dni': 'redact',
  'pii.*': 'flag',
};

/** `gatehouse.guard`: the default policy, per-team and per-key overrides, and the scorers. */
export const GuardSettings = z.strictObject({
  enabled: z.boolean().default(true),
  actions: ActionMap.default({}),
  min_score: z.number().min(0).max(1).default(0.5),
  on_failure: z.enum(['open', 'closed']).default('open'),
  /** Default: `gatehouse.timeouts.guard_ms`. */
  timeout_ms: z.number().int().positive().optional(),
  outbound: z.strictObject({ enabled: z.boolean().default(true), actions: ActionMap.default({}) }).prefault({}),
  teams: z.record(z.string(), GuardPolicyOverride).default({}),
  /** By key alias or key id. */
  keys: z.record(z.string(), GuardPolicyOverride).default({}),
  scorers: z.strictObject({ model: ModelScorerSettings.optional(), http: HttpScorerSettings.optional() }).prefault({}),
});
export type GuardSettings = z.infer<typeof GuardSettings>;
