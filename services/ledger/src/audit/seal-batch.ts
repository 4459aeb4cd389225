import { type AnchorSigner, anchorsBetween } from '@gatehouse/audit-chain';
import { type ChainHead, seal } from '@gatehouse/audit-chain';
import type { ChainRow, Seals } from './audit-store';

/** A GH_REQUEST message as the ledger received it; `data` is undefined when it was not JSON. */
export interface Received {
  seq: number;
  subject: string;
  data: unknown;
}

export interface SealOptions {
  anchorEvery: number;
  signer: AnchorSigner | null;
  now: Date;
}

/**
 * Pure apart from signing: the chain entries (and anchors) for a batch, in stream order, after
 * `head`. A message that is not JSON has no canonical form and is not sealed (it is reported
 * when received); everything else is, contract-valid or not, so the chain is the stream.
 */
export function sealBatch(head: ChainHead, batch: readonly Received[], opts: SealOptions): { seals: Seals; head: ChainHead } {
  const events = batch
    .filter((m) => m.data !== undefined)
    .sort((a, b) => a.seq - b.seq)
    .map((m) => ({ subject: m.subject, event: m.data, stream_seq: m.seq }));
  const sealed = seal(head, events);
  const chain: ChainRow[] = sealed.entries.map((e) => ({
    position: e.position,
    stream_seq: e.stream_seq,
    subject: e.source.subject,
    request_id: requestIdOf(e.source.event),
    event: e.source.event,
    prev_hash: e.prev_hash,
    hash: e.hash,
  }));
  const byPosition = new Map(chain.map((c) => [c.position, c.hash]));
  const anchors = anchorsBetween(head, sealed.head, (p) => byPosition.get(p)!, opts.anchorEvery, opts.now, opts.signer);
  return { seals: { chain, anchors }, head: sealed.head };
}

function requestIdOf(event: unknown): string | null {
  const id = event !== null && typeof event === 'object' ? (event as Record<string, unknown>).request_id : undefined;
  return typeof id === 'string' ? id : null;
}
