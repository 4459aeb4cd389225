import { z } from 'zod';
import { EventActor } from '../../rpc/identity/admin-shapes';

/**
 * What every key and team event carries: its own id (the JetStream message id), when, and who
 * made the change. GH_IDENTITY is secret-bearing: `key.issued` and `key.rotated` hold a key's
 * SHA-256 digest (identity rebuilds its directory from them). Never a key in clear, anywhere.
 */
export const IdentityEventBase = z.object({
  event_id: z.string().min(1),
  occurred_at: z.iso.datetime(),
  actor: EventActor,
});

export const exampleEventBase = {
  event_id: 'evt_01',
  occurred_at: '2026-11-22T10:00:00.000Z',
  actor: { key_id: 'master', sso_subject: null, role: 'proxy_admin' as const },
};
