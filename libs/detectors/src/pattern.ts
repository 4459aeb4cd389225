import type { Detector, DetectorKind, Hit, Span } from './types';

export interface PatternSpec {
  name: string;
  version: string;
  kind: DetectorKind;
  label: string;
  /** Global regexes; the first capture group, when present, is the span (else the whole match). */
  patterns: RegExp[];
  /** Cheap substring tests: when none is in the text, the regexes are not run. */
  prefilter?: (text: string) => boolean;
  /** Checksum or validity rules on the matched value. */
  validate?: (value: string) => boolean;
  score?: number;
}

/** A detector made of regexes plus an optional validity check (Luhn, mod-97, …): most PII and secrets. */
export function patternDetector(spec: PatternSpec): Detector {
  const score = spec.score ?? 1;
  return {
    name: spec.name,
    version: spec.version,
    kind: spec.kind,
    label: spec.label,
    input: 'raw',
    detect(text): Hit | null {
      if (spec.prefilter && !spec.prefilter(text)) return null;
      const spans: Span[] = [];
      for (const re of spec.patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          const value = m[1] ?? m[0];
          const start = m.index + (m[1] !== undefined ? m[0].indexOf(m[1]) : 0);
          if (!spec.validate || spec.validate(value)) spans.push({ start, end: start + value.length });
          if (m[0].length === 0) re.lastIndex++;
        }
      }
      return spans.length ? { score, spans: mergeSpans(spans), reasons: [spec.name] } : null;
    },
  };
}

/**
 * Pure: the longest prefix of a match that `valid` accepts, cutting whole trailing groups (at the
 * last of `separators`): a pattern that ran on into the next word or number gives it back. '' when
 * no prefix of at least `minLength` characters is valid.
 */
export function validPrefix(match: string, valid: (v: string) => boolean, separators: string, minLength = 1): string {
  let v = match;
  while (v.length >= minLength && !valid(v)) {
    let cut = -1;
    for (const sep of separators) cut = Math.max(cut, v.lastIndexOf(sep));
    v = cut > 0 ? v.slice(0, cut) : '';
  }
  return v.length >= minLength ? v : '';
}

/** Pure: sorted, non-overlapping spans. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const s = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start < last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}
