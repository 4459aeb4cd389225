import { z } from 'zod';

/**
 * Whose spend a caller may read, decided by ingress from the principal's role (`team_id: null`:
 * every team). The ledger applies it to every query; it never widens it.
 */
export const SpendScope = z.object({ team_id: z.string().min(1).nullable() });
export type SpendScope = z.infer<typeof SpendScope>;

export const SpendGroupBy = z.enum(['team', 'key', 'model', 'provider', 'tag', 'project']);
export type SpendGroupBy = z.infer<typeof SpendGroupBy>;
