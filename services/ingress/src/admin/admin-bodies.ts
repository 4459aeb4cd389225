import { z, prettifyError } from 'zod';
import { Duration, GatehouseError, type KeyRef, KeyFields, TeamFields, TeamMember } from '@gatehouse/contracts';
import { credentialDigest } from '../http/credentials';

/**
 * The admin API's bodies and queries, LiteLLM's field names, validated with zod. Bodies are
 * strict: a LiteLLM field Gatehouse does not implement (`permissions`, `aliases`…) is a 400 that
 * names it, never silently dropped (a dropped restriction would widen a key).
 */
export const GenerateBody = z.strictObject({ ...KeyFields.shape, project_id: KeyFields.shape.project }).transform(projectAlias);
export const UpdateBody = z.strictObject({ ...KeyFields.shape, project_id: KeyFields.shape.project, key: z.string().min(1) }).transform(projectAlias);
export const RegenerateBody = z
  .strictObject({ ...KeyFields.shape, project_id: KeyFields.shape.project, key: z.string().min(1).optional(), grace_period: Duration.nullable().optional() })
  .transform(projectAlias);
export const DeleteBody = z.strictObject({ keys: z.array(z.string().min(1)).max(1000).optional(), key_aliases: z.array(z.string().min(1)).max(1000).optional() });
export const KeyInfoQuery = z.object({ key: z.string().min(1).optional() });
export const KeyListQuery = z.object({
  team_id: z.string().min(1).optional(),
  key_alias: z.string().min(1).optional(),
  user_id: z.string().min(1).optional(),
  page: z.coerce.number().int().positive().default(1),
  size: z.coerce.number().int().positive().max(1000).default(100),
  return_full_object: z.enum(['true', 'false']).default('false'),
  include_revoked: z.enum(['true', 'false']).default('false'),
});

/**
 * LiteLLM's /key/generate and /key/update name a key's project `project_id` (docs.litellm.ai,
 * "Project Management"); Gatehouse's field is `project`. Either is accepted, both only when they
 * agree; identity sees `project` alone. `null` clears it in either spelling.
 */
function projectAlias<T extends { project?: string | null; project_id?: string | null }>(body: T, ctx: z.RefinementCtx): Omit<T, 'project_id'> {
  const { project_id, ...rest } = body;
  if (project_id === undefined) return rest;
  if (rest.project !== undefined && rest.project !== project_id) {
    ctx.addIssue({ code: 'custom', path: ['project_id'], message: 'names another project than "project" (the same field in LiteLLM\'s spelling): send one' });
    return z.NEVER;
  }
  return { ...rest, project: project_id };
}

const Member = z.strictObject({
  user_id: z.string().min(1).max(256).nullable().optional(),
  user_email: z.string().min(3).max(320).nullable().optional(),
  role: TeamMember.shape.role.default('user'),
});
const toMember = (m: z.infer<typeof Member>) => ({ user_id: m.user_id ?? null, user_email: m.user_email ?? null, role: m.role });

export const TeamNewBody = z.strictObject({
  ...TeamFields.shape,
  team_id: z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only').optional(),
  members_with_roles: z.array(Member).max(1000).optional(),
});
export const TeamUpdateBody = z.strictObject({ ...TeamFields.shape, team_id: z.string().min(1) });
export const MemberAddBody = z.strictObject({ team_id: z.string().min(1), member: z.union([Member, z.array(Member).min(1).max(1000)]) });
export const TeamInfoQuery = z.object({ team_id: z.string().min(1) });

export function members(list: z.infer<typeof Member>[] | z.infer<typeof Member> | undefined) {
  return (Array.isArray(list) ? list : list ? [list] : []).map(toMember);
}

/** Validates with zod; a 400 in the OpenAI shape that says what is wrong (never echoing values). */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw new GatehouseError('invalid_request', `Invalid ${what}: ${prettifyError(r.error)}`);
  return r.data;
}

/**
 * Pure: a `key` parameter as identity knows keys: a presented key (`sk-…`) by its digest,
 * anything else as a key id. A digest is never accepted in place of a key.
 */
export function keyRef(value: string): KeyRef {
  return value.startsWith('sk-') ? { key_sha256: credentialDigest(value) } : { key_id: value };
}

/** Without `fields.key`/`grace_period` and the like: what identity stores. */
export function keyFields<T extends Record<string, unknown>>(body: T, ...omit: string[]) {
  const out: Record<string, unknown> = { ...body };
  for (const k of omit) delete out[k];
  return out as z.infer<typeof KeyFields>;
}
