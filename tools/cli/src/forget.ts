import { hostname, userInfo } from 'node:os';
import { Kvm } from '@nats-io/kv';
import { nuid, type NatsConnection } from '@nats-io/transport-node';
import { CONTENT_KEYS_BUCKET, ContentForgottenV1, subjectKeysFilter, teamKeysFilter } from '@gatehouse/contracts';
import { EventPublisher } from '@gatehouse/nats';
import type { Command } from './args';
import type { Output } from './output';

type Forget = Extract<Command, { kind: 'audit-forget' }>;

/** Pure: who ran the forget, as recorded in the event (an operator account, never a credential). */
export function forgetActor(env: Record<string, string | undefined>, user = safeUser(), host = hostname()): string {
  return env.GATEHOUSE_ACTOR || `${user}@${host}`;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * `audit forget --user ID | --team T`: purges the data keys of that subject (in every team) or of
 * that team (its own and its subjects') from the `gh_content_keys` bucket, then records a
 * `content.forgotten` event (who, when, scope, key names). The content stays as ciphertext that
 * nothing can decrypt; audit rows, costs, tokens and the chain are untouched.
 */
export async function auditForget(nc: NatsConnection, cmd: Forget, out: Output, env: Record<string, string | undefined>, now: Date): Promise<void> {
  const kv = await new Kvm(nc).open(CONTENT_KEYS_BUCKET).catch(() => null);
  const names: string[] = [];
  if (kv) {
    const filter = 'user' in cmd.scope ? subjectKeysFilter(cmd.scope.user) : teamKeysFilter(cmd.scope.team_id);
    for await (const k of await kv.keys(filter)) names.push(k);
    for (const k of names) await kv.purge(k);
  }
  await new EventPublisher(nc).publish(ContentForgottenV1, {
    event_id: `forget_${nuid.next()}`,
    occurred_at: now.toISOString(),
    actor: forgetActor(env),
    scope: cmd.scope,
    key_names: names.sort(),
    reason: cmd.reason,
  });
  const who = 'user' in cmd.scope ? `user ${cmd.scope.user}` : `team ${cmd.scope.team_id}`;
  await out.write(`forgot ${names.length} data key(s) of ${who}; their stored content can no longer be decrypted\n`);
}
