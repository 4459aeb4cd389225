import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifierApplies, classifierFrom, DefaultTrainOptions, encodeWeights, evidenceOf, injectionFamily, normalize, quantize,
  ruleHitsOf, scanUnits, trainLogistic, type TrainingExample, type TrainOptions, vectorOf,
} from '@gatehouse/detectors';
import { INJECTION_FAMILY } from './evaluate';
import type { Example } from './injection-set';
import { attacksOf, committedHeads, kindsHeldOut, kindsTable } from './train-kinds';
import { TrainingSources } from './training';

/**
 * Trains the injection classifier and writes its weights (deterministic: same data, same file):
 *   npm run build && node dist/test/guard-eval/train.js
 * Training data: every source in `training/` (one author's work each; the labelled
 * `injection-set.ts` is part of one); never `blind-set-5.ts`. Each source is scored by a model
 * trained on the others (leave one source out): the closest this repository has to text written
 * by someone else. The operating threshold is the lowest at which those out-of-source scores flag
 * ≤ 2 % of the benign examples; it is folded into the bias, so the detectors' 0.5 is that
 * threshold. See docs/adr/0008.
 */
const FOLDS = 5;
/** The out-of-source false-positive rate the threshold is chosen for: the issue's limit. */
const TARGET_FPR = 0.02;
const OUT = join(__dirname, '..', '..', '..', 'libs', 'detectors', 'src', 'injection', 'classifier', 'weights.ts');

export interface Row {
  ex: Example;
  /** Index of its source in `TrainingSources`. */
  source: number;
  /** Whether the rules alone fire on it (≥ 0.5): the baseline. */
  rules: boolean;
  /** The operator's system text: the classifier does not apply, the rules decide alone. */
  ruleOnly: boolean;
  t: TrainingExample;
}

/** The rows with their training vectors: the normalized text (the detectors' first reading) and the rules' evidence on it. */
export function trainingData(): Row[] {
  return TrainingSources.flatMap((s, source) => s.examples.map((ex) => {
    const text = normalize(ex.text).text;
    const hits = ruleHitsOf(text, { origin: ex.origin });
    const evidence = evidenceOf(hits);
    const label = ex.expect.some((e) => INJECTION_FAMILY.includes(e)) ? 1 : 0;
    return {
      ex, source,
      rules: hits.some((h) => h !== null && h.score >= 0.5),
      ruleOnly: !classifierApplies({ origin: ex.origin }),
      t: { vector: vectorOf(text, ex.origin, evidence), label },
    };
  }));
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Pure: out-of-sample probabilities, each row scored by a model fitted without its group, through
 * the detectors themselves (every de-obfuscated reading of the raw text, the rules' evidence, the
 * family's highest score), so the threshold is chosen on exactly what the guard will compute.
 */
function outOfGroup(data: readonly Row[], groups: number, groupOf: (d: Row, i: number) => number, opts: TrainOptions): number[] {
  const out: number[] = new Array(data.length).fill(0);
  for (let g = 0; g < groups; g++) {
    const m = trainLogistic(data.filter((d, i) => groupOf(d, i) !== g).map((d) => d.t), opts);
    const family = injectionFamily(classifierFrom(quantize(m.weights, m.bias, 'held-out'), 'held-out'));
    data.forEach((d, i) => {
      if (groupOf(d, i) !== g) return;
      const findings = scanUnits([{ role: d.ex.origin, origin: d.ex.origin, text: d.ex.text }], family);
      out[i] = Math.max(0, ...findings.map((f) => f.score));
    });
  }
  return out;
}

/** Pure: the lowest threshold at which the detectors flag at most `target` of the benign rows (given their held-out scores). */
export function thresholdFor(data: readonly Row[], scores: readonly number[], target: number): number {
  const benign = data.filter((d) => d.t.label === 0);
  const ruleFP = benign.filter((d) => d.ruleOnly && d.rules).length;
  const open = scores.filter((_, i) => data[i].t.label === 0 && !data[i].ruleOnly).sort((a, b) => b - a);
  const allowed = Math.max(0, Math.floor(benign.length * target) - ruleFP);
  return Math.min(0.99, Math.max(0.5, (open[allowed] ?? 0) + 1e-6));
}

export interface Figures {
  recall: number;
  fpr: number;
  fp: number;
  attacks: number;
  benign: number;
}

/** Pure: recall and false positives of a decision over some rows (given by index). */
function figuresOf(data: readonly Row[], rows: readonly number[], fire: (i: number) => boolean): Figures {
  const attacks = rows.filter((i) => data[i].t.label === 1).length;
  const tp = rows.filter((i) => data[i].t.label === 1 && fire(i)).length;
  const fp = rows.filter((i) => data[i].t.label === 0 && fire(i)).length;
  return { recall: tp / Math.max(1, attacks), fpr: fp / Math.max(1, rows.length - attacks), fp, attacks, benign: rows.length - attacks };
}

export interface Fitted {
  /** The contents of `weights.ts`. */
  file: string;
  version: string;
}

export interface Trained extends Fitted {
  threshold: number;
  /** The rules alone, as the family was before the classifier. */
  rules: Figures;
  /** The detectors' decision, each source scored by a model trained on the others. */
  outOfSource: Figures;
  /** The same per source. */
  bySource: (Figures & { name: string })[];
  /** Held-out recall of the family on the attacks of each label (the benign rows are the same for all). */
  byLabel: { label: string; attacks: number; recall: number }[];
  /** The detectors' decision, 5-fold cross-validated (every author in every fold). */
  crossValidated: Figures;
  /** The kind heads, held out by source: `labelled -> read as` counts over the attacks. */
  kinds: Map<string, number>;
  data: Row[];
  /** Out-of-source probability per row. */
  scores: number[];
}

/** Pure (deterministic): the final fit on every row, with `threshold` folded into the bias, and the weights file. */
export function fitWeights(data: readonly Row[], threshold: number, opts: TrainOptions = DefaultTrainOptions): Fitted {
  const model = trainLogistic(data.map((d) => d.t), opts);
  const { base64, scale } = encodeWeights(model.weights);
  const bias = Math.round((model.bias - logit(threshold)) * 1e6) / 1e6;
  const { encoded } = committedHeads(attacksOf(data), opts);
  const hash = createHash('sha256').update(base64).update(String(bias));
  for (const h of encoded) hash.update(h.kind).update(h.base64).update(String(h.bias));
  const version = `2.1.0+${hash.digest('hex').slice(0, 8)}`;
  const chunks = (b64: string, indent: string) => (b64.match(/.{1,2000}/g) ?? []).map((c) => `${indent}'${c}',`);
  const file = [
    '// Generated by test/guard-eval/train.ts (npm run build && node dist/test/guard-eval/train.js). Do not edit.',
    `// ${data.length} examples, options ${JSON.stringify(opts)}; the threshold is folded into the bias.`,
    'export const ClassifierWeights = {',
    `  version: '${version}',`,
    `  threshold: ${threshold},`,
    `  bias: ${bias},`,
    `  scale: ${scale},`,
    '  base64: [',
    ...chunks(base64, '    '),
    '  ],',
    '  // The kind heads (kinds.ts): jailbreak and system_prompt_leak against the other attacks.',
    '  kinds: [',
    ...encoded.flatMap((h) => [`    { kind: '${h.kind}', bias: ${h.bias}, scale: ${h.scale}, base64: [`, ...chunks(h.base64, '      '), '    ] },']),
    '  ],',
    '};',
    '',
  ].join('\n');
  return { file, version };
}

/** Pure (deterministic): held-out scores, the threshold, the figures and the final fit. */
export function trainClassifier(opts: TrainOptions = DefaultTrainOptions): Trained {
  const data = trainingData();
  const scores = outOfGroup(data, TrainingSources.length, (d) => d.source, opts);
  const threshold = thresholdFor(data, scores, TARGET_FPR);
  const decide = (s: readonly number[]) => (i: number) => (data[i].ruleOnly ? data[i].rules : s[i] >= threshold);
  const cv = outOfGroup(data, FOLDS, (_, i) => i % FOLDS, opts);
  const all = data.map((_, i) => i);
  return {
    ...fitWeights(data, threshold, opts),
    threshold, data, scores,
    rules: figuresOf(data, all, (i) => data[i].rules),
    outOfSource: figuresOf(data, all, decide(scores)),
    bySource: TrainingSources.map((s, k) => ({ name: s.name, ...figuresOf(data, all.filter((i) => data[i].source === k), decide(scores)) })),
    crossValidated: figuresOf(data, all, decide(cv)),
    kinds: kindsHeldOut(attacksOf(data), TrainingSources.length, opts),
    byLabel: INJECTION_FAMILY.map((label) => {
      const rows = all.filter((i) => data[i].ex.expect.includes(label));
      return { label, attacks: rows.length, recall: rows.filter(decide(scores)).length / Math.max(1, rows.length) };
    }),
  };
}

export function summarize(t: Trained): string[] {
  const f = (x: Figures) => `recall ${x.recall.toFixed(3)}, FP rate ${(x.fpr * 100).toFixed(1)} % (${x.fp}/${x.benign})`;
  return [
    `training examples: ${t.data.length} (${t.rules.attacks} attacks, ${t.rules.benign} benign) from ${t.bySource.length} sources; threshold ${t.threshold.toFixed(3)}`,
    `- rules alone: ${f(t.rules)}`,
    `- detectors, each source scored by a model trained on the others: ${f(t.outOfSource)}`,
    `- detectors, ${FOLDS}-fold cross-validated (every source in every fold): ${f(t.crossValidated)}`,
    `- held out by source, recall by label: ${t.byLabel.map((l) => `${l.label} ${l.recall.toFixed(3)} (${l.attacks})`).join(', ')}`,
    '',
    '| source left out | attacks / benign | recall | FP rate |',
    '| --- | ---: | ---: | ---: |',
    ...t.bySource.map((r) => `| ${r.name} | ${r.attacks} / ${r.benign} | ${r.recall.toFixed(3)} | ${(r.fpr * 100).toFixed(1)} % (${r.fp}) |`),
    '',
    'Kind of attack, each source read by heads trained on the others (share of each labelled kind):',
    '',
    ...kindsTable(t.kinds),
  ];
}

function main(): void {
  // TRAIN_OPTIONS='{"l2":1e-3}' to experiment; the committed weights use the defaults.
  const opts: TrainOptions = { ...DefaultTrainOptions, ...JSON.parse(process.env.TRAIN_OPTIONS ?? '{}') };
  const t = trainClassifier(opts);
  console.log(summarize(t).join('\n'));
  if (process.env.TRAIN_VERBOSE) {
    const open = t.data.map((d, i) => [t.scores[i], d] as const).filter(([, d]) => d.t.label === 0).sort((a, b) => b[0] - a[0]);
    for (const [p, d] of open.slice(0, 40)) console.log(`  benign ${p.toFixed(2)} ${d.ex.id} ${d.ex.text.slice(0, 110)}`);
    for (const [i, d] of t.data.entries()) if (d.t.label === 1 && t.scores[i] < t.threshold) console.log(`  miss ${t.scores[i].toFixed(2)} ${d.ex.id} ${d.ex.text.slice(0, 110)}`);
  }
  if (process.env.TRAIN_DRY_RUN) return;
  writeFileSync(OUT, t.file);
  console.log(`wrote ${OUT} (version ${t.version})`);
}

if (require.main === module) main();
