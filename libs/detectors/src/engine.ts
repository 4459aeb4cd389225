import { decodePayloads } from './normalize/decode';
import { foldLeet, joinSpacedLetters, normalize, type Normalized, toRaw } from './normalize/normalize';
import type { Detector, Finding, Hit, ScanUnit, Span } from './types';

interface Variant {
  text: string;
  /** Maps a span of this variant to the raw text. */
  toRaw(s: Span): Span;
  reason: string | null;
}

/** The de-obfuscated readings of one text: normalized, leet-folded, letter-joined, decoded payloads. */
function variantsOf(raw: string): Variant[] {
  const n: Normalized = normalize(raw);
  const viaMap = (s: Span) => toRaw(n, s.start, s.end, raw.length);
  const out: Variant[] = [{ text: n.text, toRaw: viaMap, reason: null }];
  const leet = foldLeet(n.text);
  if (leet) out.push({ text: leet, toRaw: viaMap, reason: 'obfuscation.leetspeak' });
  const spaced = joinSpacedLetters(n.text);
  if (spaced) out.push({ text: spaced, toRaw: viaMap, reason: 'obfuscation.spaced_letters' });
  for (const p of decodePayloads(n.text)) {
    const at = toRaw(n, p.start, p.end, raw.length);
    const inner = normalize(p.text).text;
    out.push({ text: inner, toRaw: () => at, reason: `obfuscation.${p.encoding}` });
    const innerLeet = foldLeet(inner);
    if (innerLeet) out.push({ text: innerLeet, toRaw: () => at, reason: `obfuscation.${p.encoding}` });
  }
  if (n.map) out[0].reason = raw.length === n.text.length && raw !== n.text ? 'obfuscation.unicode' : out[0].reason;
  return out;
}

/** Pure: runs one detector on one unit; normalized detectors see every variant and keep the best. */
function detectUnit(d: Detector, unit: ScanUnit, variants: () => Variant[]): Hit | null {
  const ctx = { origin: unit.origin };
  if (d.input === 'raw') return d.detect(unit.text, ctx);
  let best: Hit | null = null;
  for (const v of variants()) {
    const hit = d.detect(v.text, ctx);
    if (!hit) continue;
    const mapped: Hit = { score: hit.score, spans: hit.spans.map(v.toRaw), reasons: v.reason ? [...hit.reasons, v.reason] : hit.reasons };
    if (!best || mapped.score > best.score) best = mapped;
  }
  return best;
}

/**
 * Pure: every detector over every unit. Findings carry offsets into the unit's text, never the
 * text. Variants are built lazily, once per unit, and only when a normalized detector runs.
 */
export function scanUnits(units: readonly ScanUnit[], detectors: readonly Detector[]): Finding[] {
  const findings: Finding[] = [];
  units.forEach((unit, i) => {
    if (unit.text.length === 0) return;
    let cached: Variant[] | null = null;
    const variants = () => (cached ??= variantsOf(unit.text));
    for (const d of detectors) {
      const hit = detectUnit(d, unit, variants);
      if (hit) findings.push({ detector: d.name, version: d.version, kind: d.kind, label: d.label, score: hit.score, unit: i, spans: hit.spans, reasons: hit.reasons });
    }
  });
  return findings;
}
