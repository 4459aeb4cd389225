/**
 * Where content data keys live: one NATS KV bucket, one entry per team (`t_<team>.team`) or per
 * data subject within a team (`t_<team>.u_<user>`), ids in base64url so that any id is a valid
 * key token. Ingress creates entries; `gatehouse audit forget` purges them. Shared here because
 * both sides must agree on the names.
 */
export const CONTENT_KEYS_BUCKET = 'gh_content_keys';

const token = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const teamToken = (teamId: string | null) => (teamId ? `t_${token(teamId)}` : 'noteam');

/** The data key of a team's content, or of one subject's content within that team. */
export function dataKeyName(teamId: string | null, subject: string | null): string {
  return `${teamToken(teamId)}.${subject ? `u_${token(subject)}` : 'team'}`;
}

/** Every data key of a team (its own and its subjects'). */
export function teamKeysFilter(teamId: string): string {
  return `${teamToken(teamId)}.*`;
}

/** Every data key of one subject, in any team. */
export function subjectKeysFilter(subject: string): string {
  return `*.u_${token(subject)}`;
}
