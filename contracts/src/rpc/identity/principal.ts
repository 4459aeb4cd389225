import { z } from 'zod';

export const Role = z.enum(['proxy_admin', 'team_admin', 'internal_user', 'viewer']);
export type Role = z.infer<typeof Role>;

/** Who is calling, as identity decided: never the credential itself, only its id. */
export const Principal = z.object({
  key_id: z.string(),
  key_alias: z.string().nullable(),
  team_id: z.string().nullable(),
  user_id: z.string().nullable(),
  role: Role,
  /** Model aliases this principal may call; `['*']` means every alias. */
  models: z.array(z.string()),
  rpm_limit: z.number().int().positive().nullable(),
  tpm_limit: z.number().int().positive().nullable(),
  max_parallel_requests: z.number().int().positive().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  // Issue #4, additive (optional so older producers stay valid):
  /** When the credential stops being valid (key expiry, rotation grace end, JWT `exp`); ingress checks it on every request. */
  expires_at: z.iso.datetime().nullable().optional(),
  /** The key's own budget (already no wider than its team's) and its reset period. */
  max_budget: z.number().nonnegative().nullable().optional(),
  budget_duration: z.string().nullable().optional(),
  /** The team's budget, shared by all its keys. */
  team_max_budget: z.number().nonnegative().nullable().optional(),
  team_budget_duration: z.string().nullable().optional(),
  project: z.string().nullable().optional(),
  environment: z.string().nullable().optional(),
  /** The human or service behind an SSO token (`sub`), recorded on request events next to the key id. */
  sso_subject: z.string().nullable().optional(),
});
export type Principal = z.infer<typeof Principal>;
