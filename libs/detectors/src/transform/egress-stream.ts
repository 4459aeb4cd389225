import { decide } from '../policy/decide';
import type { GuardActionName } from '../policy/settings';
import { scanUnits } from '../engine';
import type { Detector, Finding } from '../types';
import { holdFrom } from './holdback';
import { type Edit, rewrite } from './rewrite';
import type { TextStream } from './restore-stream';
import { MaskVault } from './vault';

export interface EgressFinding {
  detector: string;
  version: string;
  action: Exclude<GuardActionName, 'allow'>;
  count: number;
}

/**
 * Outbound scanning of a completion's text, streaming-aware: each delta is scanned with the held
 * tail; what cannot be part of a still-growing match goes out at once (redacted where a finding
 * says so), and only the tail a pattern may still complete (`holdFrom`) waits for the next delta.
 * `block` stops the text at the finding; the caller ends the stream with an error.
 */
export class EgressStream implements TextStream {
  private pending = '';
  readonly findings = new Map<string, EgressFinding>();
  blocked: string | null = null;

  constructor(
    private readonly detectors: readonly Detector[],
    private readonly actions: Readonly<Record<string, GuardActionName>>,
  ) {}

  push(delta: string): string {
    if (this.blocked) return '';
    this.pending += delta;
    return this.emit(false);
  }

  flush(): string {
    if (this.blocked) return '';
    return this.emit(true);
  }

  private emit(final: boolean): string {
    const text = this.pending;
    let hold = final ? text.length : holdFrom(text);
    const found = scanUnits([{ role: 'assistant', origin: 'output', text }], this.detectors);
    const { decided } = decide(found, this.actions, 0.5);
    // A match reaching into the held tail may still grow: hold it whole.
    for (const d of decided) for (const s of d.finding.spans) if (s.end > hold && s.start < hold) hold = s.start;
    const edits: Edit[] = [];
    for (const d of decided) {
      const spans = d.finding.spans.filter((s) => s.end <= hold);
      if (spans.length === 0) continue;
      this.record(d.finding, d.action, spans.length);
      if (d.action === 'block') {
        this.blocked = d.finding.detector;
        hold = Math.min(hold, ...spans.map((s) => s.start));
      }
      if (d.action === 'redact' || d.action === 'mask') for (const s of spans) edits.push({ ...s, action: 'redact', label: d.finding.label });
    }
    this.pending = this.blocked ? '' : text.slice(hold);
    return rewrite(text.slice(0, hold), edits.filter((e) => e.end <= hold), new MaskVault());
  }

  private record(f: Finding, action: EgressFinding['action'], count: number): void {
    const prev = this.findings.get(f.detector);
    this.findings.set(f.detector, { detector: f.detector, version: f.version, action, count: (prev?.count ?? 0) + count });
  }
}
