import { createHash } from 'node:crypto';
import type { Principal } from '@gatehouse/contracts';
import type { GatewayConfig } from '@gatehouse/config';
import { resolveSecret } from '@gatehouse/config';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A key's public id. Derived in its own hash domain, so the id says nothing about the stored
 * digest and stays stable while the key does.
 */
export function keyIdFor(key: string): string {
  return `key_${createHash('sha256').update(`gatehouse:key-id:${key}`).digest('hex').slice(0, 16)}`;
}

/**
 * Pure: the principals known from config (master key and `gatehouse.keys`), indexed by the
 * SHA-256 digest of their key. Only digests are kept: the key itself is dropped here.
 * Virtual keys issued through the admin API (issue #4) join this directory as events.
 */
export function buildKeyDirectory(config: GatewayConfig, env: NodeJS.ProcessEnv = process.env): Map<string, Principal> {
  const dir = new Map<string, Principal>();
  if (config.masterKey) {
    const master = resolveSecret(config.masterKey, env);
    dir.set(sha256Hex(master), {
      key_id: 'master', key_alias: 'master_key', team_id: null, user_id: null, role: 'proxy_admin',
      models: ['*'], rpm_limit: null, tpm_limit: null, max_parallel_requests: null, metadata: {},
    });
  }
  for (const k of config.gatehouse.keys) {
    const key = resolveSecret(k.key, env);
    dir.set(sha256Hex(key), {
      key_id: k.key_id ?? keyIdFor(key),
      key_alias: k.key_alias ?? null,
      team_id: k.team_id ?? null,
      user_id: k.user_id ?? null,
      role: 'internal_user',
      models: k.models && k.models.length > 0 ? k.models : ['*'],
      rpm_limit: k.rpm_limit ?? null,
      tpm_limit: k.tpm_limit ?? null,
      max_parallel_requests: k.max_parallel_requests ?? null,
      metadata: k.metadata ?? {},
      project: k.project ?? null,
    });
  }
  return dir;
}
