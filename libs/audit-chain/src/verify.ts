import { canonicalEvent, chainHash, type ChainEvent, GENESIS_HASH, type SealedEntry } from './chain';

/** An event as the verifier sees it in the source under test (a stream, or the table's copy). */
export interface ObservedEvent extends ChainEvent {
  /** Where it sits in that source (stream sequence, or table position): reported, never trusted. */
  at: number;
}

export const FindingKind = {
  /** The event at this position is not the one that was sealed there. */
  changed: 'changed',
  /** The event sealed at this position is missing from the source. */
  removed: 'removed',
  /** The source holds an event that was never sealed, before the sealed position given. */
  inserted: 'inserted',
  /** The event sealed at `position` appears elsewhere in the source (`detail` says where). */
  reordered: 'reordered',
  /** The sealed entries themselves do not link up (prev_hash, or a gap in positions). */
  brokenLink: 'broken_link',
} as const;
export type FindingKind = (typeof FindingKind)[keyof typeof FindingKind];

export interface Finding {
  kind: FindingKind;
  /** Chain position (1-based) the finding is about. */
  position: number;
  /** Where in the source the event was found (stream sequence / table position), when it was. */
  at: number | null;
  detail: string;
}

export interface VerifyReport {
  findings: Finding[];
  /** Sealed entries checked. */
  sealed: number;
  /** Source events read. */
  observed: number;
  /** Source events after the last sealed entry: not sealed yet (the ledger lags), not a finding. */
  unsealed: number;
}

/** How far ahead the verifier looks to tell a removal or insertion from a change. */
export const DEFAULT_WINDOW = 64;

/**
 * Compares a source of events (JetStream, or the table's own copy) with the sealed chain, both in
 * order. Pure and incremental: push entries and events as they are read, then `finish()`. Each
 * event costs one SHA-256 when everything matches; a mismatch looks `window` entries ahead on
 * both sides to say whether an event was changed, removed, inserted or moved.
 */
export class ChainVerifier {
  private readonly sealedQ: SealedEntry[] = [];
  private readonly obsQ: (ObservedEvent & { bytes?: Buffer })[] = [];
  private si = 0;
  private oi = 0;
  private lastSealed: SealedEntry | null = null;
  private readonly removed: { entry: SealedEntry; finding: Finding }[] = [];
  private readonly inserted: { obs: ObservedEvent & { bytes?: Buffer }; finding: Finding }[] = [];
  private readonly findings: Finding[] = [];
  private sealedCount = 0;
  private observedCount = 0;

  constructor(private readonly window = DEFAULT_WINDOW) {}

  pushSealed(e: SealedEntry): void {
    this.checkLink(e);
    this.sealedQ.push(e);
    this.sealedCount++;
    this.step(false);
  }

  pushObserved(o: ObservedEvent): void {
    this.obsQ.push(o);
    this.observedCount++;
    this.step(false);
  }

  finish(): VerifyReport {
    this.step(true);
    const unsealed = this.obsQ.length - this.oi;
    for (let i = this.si; i < this.sealedQ.length; i++) this.remove(this.sealedQ[i]!);
    this.pairMoves();
    const findings = [...this.findings, ...this.removed.map((r) => r.finding), ...this.inserted.map((i) => i.finding)];
    findings.sort((a, b) => a.position - b.position || kindOrder(a.kind) - kindOrder(b.kind));
    return { findings, sealed: this.sealedCount, observed: this.observedCount, unsealed };
  }

  private checkLink(e: SealedEntry): void {
    const prev = this.lastSealed;
    const expectedPos = (prev?.position ?? 0) + 1;
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    if (e.position !== expectedPos) {
      this.findings.push({ kind: FindingKind.brokenLink, position: e.position, at: null, detail: `sealed entry at position ${e.position} follows position ${expectedPos - 1}` });
    } else if (e.prev_hash !== expectedPrev) {
      this.findings.push({ kind: FindingKind.brokenLink, position: e.position, at: null, detail: 'prev_hash is not the hash of the entry before' });
    }
    this.lastSealed = e;
  }

  private fits(o: ObservedEvent & { bytes?: Buffer }, s: SealedEntry): boolean {
    o.bytes ??= canonicalEvent(o);
    return chainHash(s.prev_hash, o.bytes) === s.hash;
  }

  private step(final: boolean): void {
    const w = this.window;
    while (this.si < this.sealedQ.length && this.oi < this.obsQ.length) {
      const sLeft = this.sealedQ.length - this.si;
      const oLeft = this.obsQ.length - this.oi;
      const s = this.sealedQ[this.si]!;
      const o = this.obsQ[this.oi]!;
      if (this.fits(o, s)) {
        this.advance(1, 1);
        continue;
      }
      // A mismatch: decide only with the full look-ahead (or at the end of both sources).
      if (!final && (sLeft <= w || oLeft <= w)) break;
      const s1 = this.sealedQ[this.si + 1];
      const o1 = this.obsQ[this.oi + 1];
      if (s1 && o1 && this.fits(o1, s) && this.fits(o, s1)) {
        this.findings.push({ kind: FindingKind.reordered, position: s.position, at: o1.at, detail: `swapped with position ${s1.position}` });
        this.advance(2, 2);
        continue;
      }
      const k = this.findAhead((i) => this.sealedQ[this.si + i], (e) => this.fits(o, e), sLeft);
      if (k > 0) {
        for (let i = 0; i < k; i++) this.remove(this.sealedQ[this.si + i]!);
        this.advance(k, 0);
        continue;
      }
      const j = this.findAhead((i) => this.obsQ[this.oi + i], (e) => this.fits(e, s), oLeft);
      if (j > 0) {
        for (let i = 0; i < j; i++) this.insert(this.obsQ[this.oi + i]!, s.position);
        this.advance(0, j);
        continue;
      }
      this.findings.push({ kind: FindingKind.changed, position: s.position, at: o.at, detail: 'event differs from the one sealed here' });
      this.advance(1, 1);
    }
    this.compact();
  }

  private findAhead<T>(get: (i: number) => T | undefined, match: (t: T) => boolean, left: number): number {
    for (let i = 1; i <= Math.min(this.window, left - 1); i++) {
      const t = get(i);
      if (t !== undefined && match(t)) return i;
    }
    return 0;
  }

  private remove(entry: SealedEntry): void {
    this.removed.push({ entry, finding: { kind: FindingKind.removed, position: entry.position, at: null, detail: `stream_seq ${entry.stream_seq} is missing` } });
  }

  private insert(obs: ObservedEvent, before: number): void {
    this.inserted.push({ obs, finding: { kind: FindingKind.inserted, position: before, at: obs.at, detail: `unsealed event before position ${before}` } });
  }

  /** A removal and an insertion of the same event is a move: one `reordered` finding. */
  private pairMoves(): void {
    for (let r = this.removed.length - 1; r >= 0; r--) {
      const { entry } = this.removed[r]!;
      const i = this.inserted.findIndex((ins) => this.fits(ins.obs, entry));
      if (i < 0) continue;
      const at = this.inserted[i]!.obs.at;
      this.findings.push({ kind: FindingKind.reordered, position: entry.position, at, detail: `moved to before position ${this.inserted[i]!.finding.position}` });
      this.removed.splice(r, 1);
      this.inserted.splice(i, 1);
    }
  }

  private advance(s: number, o: number): void {
    this.si += s;
    this.oi += o;
  }

  /** Drops what was consumed, now and then, so memory stays at about the look-ahead window. */
  private compact(): void {
    if (this.si > 4096) {
      this.sealedQ.splice(0, this.si);
      this.si = 0;
    }
    if (this.oi > 4096) {
      this.obsQ.splice(0, this.oi);
      this.oi = 0;
    }
  }
}

function kindOrder(k: FindingKind): number {
  return Object.values(FindingKind).indexOf(k);
}

/** Convenience for arrays (tests, small chains). */
export function verifyChain(sealed: readonly SealedEntry[], observed: readonly ObservedEvent[], window = DEFAULT_WINDOW): VerifyReport {
  const v = new ChainVerifier(window);
  for (const s of sealed) v.pushSealed(s);
  for (const o of observed) v.pushObserved(o);
  return v.finish();
}
