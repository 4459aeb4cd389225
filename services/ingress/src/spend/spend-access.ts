import { GatehouseError, type Principal, type SpendScope } from '@gatehouse/contracts';

/** Roles that read every team's spend (LiteLLM: the master key and admins; `viewer` is read-only admin). */
const READ_ALL: ReadonlySet<string> = new Set(['proxy_admin', 'proxy_admin_viewer', 'viewer']);

/**
 * Pure: whose spend this principal may read. Admins and viewers: all; a team admin: their team;
 * anyone else (and a team admin without a team): 403. Roles are compared as strings, so a role
 * identity adds later is refused until it is listed here.
 */
export function spendScope(p: Principal): SpendScope {
  const role: string = p.role;
  if (READ_ALL.has(role)) return { team_id: null };
  if (role === 'team_admin' && p.team_id) return { team_id: p.team_id };
  throw new GatehouseError('permission_denied', 'Spend reports need an admin or viewer key, or a team admin key (its own team).');
}

/** Pure: who may read stored content: proxy admins only (the master key included). */
export function mayReadContent(p: Principal): boolean {
  return p.role === 'proxy_admin';
}
