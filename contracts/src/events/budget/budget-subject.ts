import type { EventContract } from '../event';

/**
 * Budget events of one scope live on their own subject, `<event subject>.<scope token>`, so a
 * reservation can be appended with JetStream's expected-last-subject-sequence (nats-server 2.9
 * has no wildcard variant): the token is the scope id in base64url, subject-safe and reversible.
 */
export function budgetSubject(event: EventContract, scopeId: string): string {
  return `${event.subject}.${Buffer.from(scopeId, 'utf8').toString('base64url')}`;
}
