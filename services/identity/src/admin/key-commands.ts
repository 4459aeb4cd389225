import {
  GatehouseError,
  type IdentityKeyDeleteV1,
  type IdentityKeyGenerateV1,
  type IdentityKeyListV1,
  type IdentityKeyRegenerateV1,
  type IdentityKeyUpdateV1,
  type KeyInfo,
  type KeySettings,
  type RpcRequest,
  type RpcResponse,
} from '@gatehouse/contracts';
import { expiresAfter } from '../keys/duration';
import { decideKey, type KeyRecord } from '../keys/key.decider';
import type { IdentityEvent, IdentityState } from '../state/identity-state';
import type { CommandContext } from './command-runner.service';
import { checkKeyGrant, keyListScope, mayChangeKey } from './policy';
import { findKey, keyInfo, newKeySettings, requestedKeyChanges } from './views';

/** Pure deciders of the key admin operations: authorize, validate against the team, decide. */

function checkAliasFree(state: IdentityState, alias: string | null, self: string | null): void {
  if (alias === null) return;
  for (const k of state.keys.values()) {
    if (!k.revoked && k.key_id !== self && k.settings.key_alias === alias) {
      throw new GatehouseError('invalid_request', `The key_alias "${alias}" is already in use.`, { param: 'key_alias' });
    }
  }
}

function grant(state: IdentityState, req: { actor: RpcRequest<typeof IdentityKeyUpdateV1>['actor'] }, settings: KeySettings): void {
  const team = settings.team_id ? (state.teams.get(settings.team_id) ?? null) : null;
  checkKeyGrant(req.actor, settings, team);
}

export function decideGenerate(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityKeyGenerateV1>, keyId: string): IdentityEvent[] {
  const defaults = { team_id: req.actor.role === 'team_admin' ? req.actor.team_id : null };
  const settings = newKeySettings(req.fields, ctx.now, defaults);
  grant(state, req, settings);
  checkAliasFree(state, settings.key_alias, null);
  if (state.byDigest.has(req.key_sha256)) throw new GatehouseError('invalid_request', 'Mint a new key: this one is taken.');
  return decideKey({ type: 'issue', key_id: keyId, key_sha256: req.key_sha256, settings }, null, ctx.meta());
}

function changed(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityKeyUpdateV1>): { key: KeyRecord; changes: Partial<KeySettings> } {
  const key = findKey(state, req.key);
  mayChangeKey(req.actor, key);
  const changes = requestedKeyChanges(req.fields, ctx.now);
  grant(state, req, { ...key.settings, ...changes });
  if (changes.key_alias !== undefined) checkAliasFree(state, changes.key_alias, key.key_id);
  return { key, changes };
}

export function decideUpdate(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityKeyUpdateV1>): { keyId: string; events: IdentityEvent[] } {
  const { key, changes } = changed(state, ctx, req);
  return { keyId: key.key_id, events: decideKey({ type: 'update', changes }, key, ctx.meta()) };
}

export function decideRegenerate(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityKeyRegenerateV1>): { keyId: string; events: IdentityEvent[] } {
  const { key, changes } = changed(state, ctx, req);
  if (state.byDigest.has(req.new_key_sha256)) throw new GatehouseError('invalid_request', 'Mint a new key: this one is taken.');
  const until = expiresAfter(ctx.now, req.grace_period);
  const cmd = { type: 'rotate' as const, key_sha256: req.new_key_sha256, previous_valid_until: until, changes };
  return { keyId: key.key_id, events: decideKey(cmd, key, ctx.meta()) };
}

export function decideDelete(state: IdentityState, ctx: CommandContext, req: RpcRequest<typeof IdentityKeyDeleteV1>): { keyIds: string[]; events: IdentityEvent[] } {
  const keys = req.keys.map((ref) => findKey(state, ref));
  for (const alias of req.key_aliases) {
    const matches = [...state.keys.values()].filter((k) => !k.revoked && k.settings.key_alias === alias);
    if (!matches.length) throw new GatehouseError('not_found', `No key has the alias "${alias}".`, { param: 'key_aliases' });
    keys.push(...matches);
  }
  if (!keys.length) throw new GatehouseError('invalid_request', 'Name the keys to delete in "keys" or "key_aliases".', { param: 'keys' });
  for (const k of keys) mayChangeKey(req.actor, k);
  const unique = [...new Map(keys.map((k) => [k.key_id, k])).values()];
  return { keyIds: unique.map((k) => k.key_id), events: unique.flatMap((k) => decideKey({ type: 'revoke', reason: 'key/delete' }, k, ctx.meta())) };
}

/** Pure: the keys the actor may see, filtered and paged (newest first). */
export function listKeys(state: IdentityState, req: RpcRequest<typeof IdentityKeyListV1>): RpcResponse<typeof IdentityKeyListV1> {
  const scope = keyListScope(req.actor);
  const all: KeyInfo[] = [...state.keys.values()]
    .filter((k) => scope.all || (scope.team_id !== null && k.settings.team_id === scope.team_id) || (scope.key_id !== null && k.key_id === scope.key_id))
    .filter((k) => req.include_revoked || !k.revoked)
    .filter((k) => req.team_id === null || k.settings.team_id === req.team_id)
    .filter((k) => req.key_alias === null || k.settings.key_alias === req.key_alias)
    .filter((k) => req.user_id === null || k.settings.user_id === req.user_id)
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0))
    .map(keyInfo);
  const start = (req.page - 1) * req.size;
  return { keys: all.slice(start, start + req.size), total_count: all.length, current_page: req.page, total_pages: Math.max(1, Math.ceil(all.length / req.size)) };
}
