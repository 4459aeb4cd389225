import { BuiltInDetectors, type Detector, scanUnits } from '@gatehouse/detectors';
import type { Example } from './injection-set';

export interface Row {
  detector: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  fpr: number;
}

/** The injection family, counted as one: any of its detectors firing is a detection. */
export const INJECTION_FAMILY = ['prompt_injection', 'jailbreak', 'system_prompt_leak'];

/** Pure: what fires (score ≥ threshold) on each example. */
export function fired(set: readonly Example[], detectors: readonly Detector[] = BuiltInDetectors, threshold = 0.5): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ex of set) {
    const fs = scanUnits([{ role: ex.origin, origin: ex.origin, text: ex.text }], detectors).filter((f) => f.score >= threshold);
    out.set(ex.id, new Set(fs.map((f) => f.detector)));
  }
  return out;
}

/** Pure: the hits with any injection-family detector counted as a detection of the family label the example expects. */
export function asFamily(set: readonly Example[], hits: Map<string, Set<string>>): Map<string, Set<string>> {
  return new Map(set.map((ex) => {
    const got = new Set(hits.get(ex.id));
    if ([...got].some((d) => INJECTION_FAMILY.includes(d))) for (const e of ex.expect.length ? ex.expect : ['prompt_injection']) if (INJECTION_FAMILY.includes(e)) got.add(e);
    return [ex.id, got];
  }));
}

/**
 * Pure: precision, recall and false-positive rate per detector (and for the injection family).
 * A positive for a detector is an example labelled with it; a negative is a benign example
 * (labelled with nothing) — so FPR is "share of benign look-alikes it fired on".
 */
export function evaluate(set: readonly Example[], hits: Map<string, Set<string>>): Row[] {
  const names = [...new Set(set.flatMap((e) => e.expect))].sort();
  const groups: [string, string[]][] = names.map((n) => [n, [n]]);
  if (names.some((n) => INJECTION_FAMILY.includes(n))) groups.unshift(['injection (any of 3)', INJECTION_FAMILY]);
  return groups.map(([label, members]) => {
    let tp = 0, fp = 0, fn = 0, tn = 0;
    for (const ex of set) {
      const got = members.some((m) => hits.get(ex.id)!.has(m));
      const want = ex.expect.some((m) => members.includes(m));
      const benign = ex.expect.length === 0;
      if (want && got) tp++;
      else if (want) fn++;
      else if (benign && got) fp++;
      else if (benign) tn++;
    }
    const r = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
    return { detector: label, tp, fp, fn, tn, precision: r(tp, tp + fp), recall: r(tp, tp + fn), fpr: fp + tn === 0 ? 0 : r(fp, fp + tn) };
  });
}

export function markdown(title: string, rows: readonly Row[]): string {
  const lines = [`### ${title}`, '', '| detector | TP | FP | FN | TN | precision | recall | FP rate |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.detector} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.tn} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | ${(r.fpr * 100).toFixed(1)} % |`);
  return lines.join('\n');
}
