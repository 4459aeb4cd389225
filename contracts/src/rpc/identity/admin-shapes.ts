import { z } from 'zod';
import { Role } from './principal';

/** LiteLLM's duration strings: `30s`, `15m`, `12h`, `30d`, `2w` (a bare number is seconds). */
export const Duration = z.string().regex(/^\d{1,6}[smhdw]?$/, 'a duration such as "30s", "15m", "12h", "30d" or "2w"');
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 digest');

const limit = z.number().int().positive().nullable();

/**
 * Who asked for an admin operation, as ingress authenticated it: the key id or the SSO subject,
 * the role and team, and the models the caller itself may use (a grant may not exceed them).
 */
export const Actor = z.object({
  key_id: z.string().nullable(),
  sso_subject: z.string().nullable(),
  role: Role,
  team_id: z.string().nullable(),
  models: z.array(z.string()),
});
export type Actor = z.infer<typeof Actor>;

/** The part of the actor every identity event records: who made the change. */
export const EventActor = Actor.pick({ key_id: true, sso_subject: true, role: true });
export type EventActor = z.infer<typeof EventActor>;

export const exampleActor: Actor = { key_id: 'master', sso_subject: null, role: 'proxy_admin', team_id: null, models: ['*'] };

/** A key's settings, LiteLLM's field names. `models: []` inherits the team's (or every) model. */
export const KeySettings = z.object({
  key_alias: z.string().min(1).max(256).nullable(),
  team_id: z.string().min(1).max(128).nullable(),
  user_id: z.string().min(1).max(256).nullable(),
  role: Role,
  models: z.array(z.string().min(1).max(256)).max(1000),
  max_budget: z.number().nonnegative().nullable(),
  budget_duration: Duration.nullable(),
  rpm_limit: limit,
  tpm_limit: limit,
  max_parallel_requests: limit,
  metadata: z.record(z.string(), z.unknown()),
  project: z.string().min(1).max(128).nullable(),
  environment: z.string().min(1).max(128).nullable(),
  expires_at: z.iso.datetime().nullable(),
});
export type KeySettings = z.infer<typeof KeySettings>;

export const exampleKeySettings: KeySettings = {
  key_alias: 'billing-prod', team_id: 'team_billing', user_id: null, role: 'internal_user', models: ['gpt-4o-mini'],
  max_budget: 50, budget_duration: '30d', rpm_limit: 600, tpm_limit: 100_000, max_parallel_requests: 8,
  metadata: { owner: 'billing' }, project: 'invoices', environment: 'prod', expires_at: '2027-01-01T00:00:00.000Z',
};

export const TeamMember = z.object({
  user_id: z.string().min(1).max(256).nullable(),
  user_email: z.string().min(3).max(320).nullable(),
  role: z.enum(['admin', 'user']),
});
export type TeamMember = z.infer<typeof TeamMember>;

/** A team's settings: what its keys inherit and may only narrow. `models: []` allows every model. */
export const TeamSettings = z.object({
  team_alias: z.string().min(1).max(256).nullable(),
  models: z.array(z.string().min(1).max(256)).max(1000),
  max_budget: z.number().nonnegative().nullable(),
  budget_duration: Duration.nullable(),
  rpm_limit: limit,
  tpm_limit: limit,
  max_parallel_requests: limit,
  metadata: z.record(z.string(), z.unknown()),
  /** A blocked team's keys are refused (LiteLLM's `blocked`). */
  blocked: z.boolean(),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

export const exampleTeamSettings: TeamSettings = {
  team_alias: 'Billing', models: ['gpt-4o-mini', 'claude-haiku'], max_budget: 500, budget_duration: '30d',
  rpm_limit: 6000, tpm_limit: null, max_parallel_requests: null, metadata: {}, blocked: false,
};

/** Names a key in an admin request: its id, or the digest of the key (ingress hashes a presented key). */
export const KeyRef = z.union([z.object({ key_id: z.string().min(1).max(128) }), z.object({ key_sha256: Sha256Hex })]);
export type KeyRef = z.infer<typeof KeyRef>;

/** A key as the admin API shows it: never the key, never its digest. */
export const KeyInfo = KeySettings.extend({
  key_id: z.string(),
  /** LiteLLM's name for the key's id. */
  token_id: z.string(),
  /** LiteLLM's name for the key's project (additive: older replies lack it). */
  project_id: z.string().nullable().optional(),
  expires: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  created_by: EventActor,
  revoked: z.boolean(),
});
export type KeyInfo = z.infer<typeof KeyInfo>;

export const exampleKeyInfo: KeyInfo = {
  ...exampleKeySettings, key_id: 'key_7Qd2', token_id: 'key_7Qd2', project_id: exampleKeySettings.project, expires: exampleKeySettings.expires_at,
  created_at: '2026-11-22T10:00:00.000Z', updated_at: '2026-11-22T10:00:00.000Z',
  created_by: { key_id: 'master', sso_subject: null, role: 'proxy_admin' }, revoked: false,
};

export const TeamInfo = TeamSettings.extend({
  team_id: z.string(),
  members_with_roles: z.array(TeamMember),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type TeamInfo = z.infer<typeof TeamInfo>;

export const exampleTeamInfo: TeamInfo = {
  ...exampleTeamSettings, team_id: 'team_billing',
  members_with_roles: [{ user_id: 'alice', user_email: 'alice@example.com', role: 'admin' }],
  created_at: '2026-11-22T10:00:00.000Z', updated_at: '2026-11-22T10:00:00.000Z',
};

/** Fields a key request may set (LiteLLM's names); `duration` becomes `expires_at`. */
export const KeyFields = KeySettings.omit({ expires_at: true }).partial().extend({ duration: Duration.nullable().optional() });
export type KeyFields = z.infer<typeof KeyFields>;
export const TeamFields = TeamSettings.partial();
export type TeamFields = z.infer<typeof TeamFields>;
