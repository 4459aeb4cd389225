import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { budgetSubject, type EventContract, type EventPayload } from '@gatehouse/contracts';
import { encodeJson } from '@gatehouse/nats';

/** Another writer appended to the scope's subject first: read it, decide again. */
export class ReservationConflictError extends Error {
  override readonly name = 'ReservationConflictError';
  constructor(readonly actualLastSeq: number | null, options?: { cause?: unknown }) {
    super(`budget subject moved on (last sequence ${actualLastSeq ?? 'unknown'})`, options);
  }
}

/**
 * Appends budget events by contract to their scope's own subject, validated, with the event's id
 * field as the message id (a republish is dropped) and, for reservations, JetStream's
 * expected-last-subject-sequence: the append fails if anyone wrote to that subject since we read it.
 */
export class BudgetWriter {
  private readonly js: JetStreamClient;
  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  async append<E extends EventContract>(event: E, scopeId: string, payload: EventPayload<E>, expectLastSeq?: number): Promise<{ seq: number; duplicate: boolean }> {
    const valid = event.schema.parse(payload) as Record<string, unknown>;
    try {
      const ack = await this.js.publish(budgetSubject(event, scopeId), encodeJson(valid), {
        msgID: String(valid[event.idField]),
        timeout: 2_000,
        ...(expectLastSeq === undefined ? {} : { expect: { lastSubjectSequence: expectLastSeq } }),
      });
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (err) {
      const m = /wrong last sequence: (\d+)/i.exec(String((err as Error).message));
      if (m) throw new ReservationConflictError(Number(m[1]), { cause: err });
      throw err;
    }
  }
}
