/**
 * Pure: which member should own each partition — rendezvous (highest random weight) hashing, so
 * when a member joins or leaves only the partitions it gains or loses move, and every member
 * computes the same answer from the same member list. No member: '' everywhere.
 */
export function desiredOwners(members: readonly string[], partitions: number): string[] {
  const sorted = [...members].sort();
  const out: string[] = [];
  for (let p = 0; p < partitions; p++) {
    let best = '';
    let bestW = -1;
    for (const m of sorted) {
      const w = weight(`${m}/${p}`);
      if (w > bestW) {
        bestW = w;
        best = m;
      }
    }
    out.push(best);
  }
  return out;
}

function weight(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** `member.<id>`: a replica's heartbeat; `draining` once it is leaving (it gets no partition). */
export interface Member {
  at: number;
  draining?: boolean;
}

/** `partition.<NN>`: who holds it until when; `serving` once the holder's subscription is live. */
export interface Lease {
  owner: string;
  expiresAt: number;
  serving?: boolean;
}

/** Pure: the members that may own partitions — heartbeat within the ttl and not leaving. */
export function eligibleMembers(members: ReadonlyMap<string, Member>, now: number, ttlMs: number): string[] {
  const out: string[] = [];
  for (const [id, m] of members) if (m.at > now - ttlMs && !m.draining) out.push(id);
  return out;
}

export type LeaseStep = 'acquire' | 'take_over' | 'keep' | 'release' | 'wait' | 'none';

/**
 * Pure: what a member does about one partition's lease (`lease` is its own when it holds it):
 * take it when it is desired and the lease is free or expired, hand it over when another member is
 * desired, else leave it.
 */
export function leaseStep(me: string, desired: string, lease: Lease | null, now: number): LeaseStep {
  const mine = lease?.owner === me;
  const live = lease !== null && lease.expiresAt > now;
  if (desired === me) {
    if (!lease) return 'acquire';
    if (mine) return 'keep';
    return live ? 'wait' : 'take_over';
  }
  return mine ? 'release' : 'none';
}
