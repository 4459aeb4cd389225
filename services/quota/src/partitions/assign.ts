/**
 * Pure: which member should own each partition — rendezvous (highest random weight) hashing, so
 * when a member joins or leaves only the partitions it gains or loses move, and every member
 * computes the same answer from the same member list.
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

export interface Lease {
  owner: string;
  expiresAt: number;
}

export type LeaseStep = 'acquire' | 'refresh' | 'take_over' | 'release' | 'wait' | 'none';

/** Pure: what a member does about one partition's lease on this tick. */
export function leaseStep(me: string, desired: string, lease: Lease | null, now: number): LeaseStep {
  const mine = lease?.owner === me;
  const live = lease !== null && lease.expiresAt > now;
  if (desired === me) {
    if (!lease) return 'acquire';
    if (mine) return 'refresh';
    return live ? 'wait' : 'take_over';
  }
  return mine ? 'release' : 'none';
}
