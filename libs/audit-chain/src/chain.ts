import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/** The `prev_hash` of the first entry: 32 zero bytes. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain seals: a request event as stored in GH_REQUEST (subject and payload; not its sequence). */
export interface ChainEvent {
  subject: string;
  event: unknown;
}

/** A sealed entry of the audit chain (a row of `audit_chain`). */
export interface SealedEntry {
  /** 1-based, dense: the event's place in the chain. */
  position: number;
  stream_seq: number;
  prev_hash: string;
  hash: string;
}

export interface ChainHead {
  position: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { position: 0, hash: GENESIS_HASH };

/** The bytes hashed for an event: canonical JSON of `{subject, event}`. */
export function canonicalEvent(e: ChainEvent): Buffer {
  return Buffer.from(canonicalJson({ subject: e.subject, event: e.event }), 'utf8');
}

/** `SHA-256(prev_hash ‖ canonical(event))`, prev_hash as its 32 raw bytes; hex. */
export function chainHash(prevHash: string, canonical: Buffer): string {
  return createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(canonical).digest('hex');
}

/** Pure: seals events after `head`, in the order given. Returns the entries and the new head. */
export function seal<E extends ChainEvent & { stream_seq: number }>(head: ChainHead, events: readonly E[]): { entries: (SealedEntry & { source: E })[]; head: ChainHead } {
  let { position, hash } = head;
  const entries = events.map((source) => {
    const prev = hash;
    hash = chainHash(prev, canonicalEvent(source));
    position += 1;
    return { position, stream_seq: source.stream_seq, prev_hash: prev, hash, source };
  });
  return { entries, head: { position, hash } };
}
