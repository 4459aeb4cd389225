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
});
export type Principal = z.infer<typeof Principal>;
