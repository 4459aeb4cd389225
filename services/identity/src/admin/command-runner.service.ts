import { Injectable } from '@nestjs/common';
import { nuid } from '@nats-io/transport-node';
import { type Actor, GatehouseError } from '@gatehouse/contracts';
import { ConcurrentChangeError, IdentityLog } from '../events/identity-log.service';
import { Invalidator } from '../events/invalidator.service';
import type { DecideMeta } from '../keys/key.decider';
import { type IdentityEvent, type IdentityState, touched } from '../state/identity-state';

const MAX_ATTEMPTS = 5;

export interface CommandContext {
  now: Date;
  /** A fresh decider meta (new event id) per event a command produces. */
  meta(): DecideMeta;
  newId(prefix: string): string;
}

/**
 * Runs an admin command: decide on the current state, append with the expected stream sequence
 * (retrying on a concurrent change by another replica), wait until this replica applied the
 * events, tell every ingress replica to drop what it cached, and only then answer.
 * Commands of one replica run one at a time.
 */
@Injectable()
export class CommandRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly log: IdentityLog,
    private readonly invalidator: Invalidator,
  ) {}

  get state(): IdentityState {
    return this.log.state;
  }

  run<R>(actor: Actor, decide: (state: IdentityState, ctx: CommandContext) => IdentityEvent[], answer: (state: IdentityState) => R): Promise<R> {
    const next = this.queue.then(() => this.attempt(actor, decide, answer));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async attempt<R>(actor: Actor, decide: (state: IdentityState, ctx: CommandContext) => IdentityEvent[], answer: (state: IdentityState) => R): Promise<R> {
    const eventActor = { key_id: actor.key_id, sso_subject: actor.sso_subject, role: actor.role };
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const now = new Date();
      const ctx: CommandContext = {
        now,
        meta: () => ({ now, actor: eventActor, eventId: `evt_${nuid.next()}` }),
        newId: (prefix) => `${prefix}_${nuid.next()}`,
      };
      const expected = this.log.state.seq;
      const events = decide(this.log.state, ctx);
      if (events.length === 0) return answer(this.log.state);
      let seq: number;
      try {
        seq = await this.log.append(events, expected);
      } catch (err) {
        if (!(err instanceof ConcurrentChangeError)) throw unavailable(err);
        await this.log.waitFor(await this.log.lastSeq()).catch(() => undefined);
        continue;
      }
      await this.log.waitFor(seq).catch((err) => {
        throw unavailable(err);
      });
      const t = events.map(touched);
      await this.invalidator.broadcast({ seq, key_ids: t.flatMap((x) => x.key_ids), team_ids: t.flatMap((x) => x.team_ids), all: events.some(joinsTeam) });
      return answer(this.log.state);
    }
    throw new GatehouseError('service_unavailable', 'Too many concurrent identity changes; retry.');
  }
}

/** A new member may hold SSO principals cached without that team: drop every cached principal. */
const joinsTeam = (e: IdentityEvent) => e.type === 'team.member_added';

function unavailable(err: unknown): GatehouseError {
  return err instanceof GatehouseError ? err : new GatehouseError('service_unavailable', 'The identity event stream is unavailable.', {}, { cause: err });
}
