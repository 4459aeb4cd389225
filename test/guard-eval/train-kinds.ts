import { decodeWeights, DefaultTrainOptions, encodeWeights, foldVector, type Kind, KIND_DIM, type KindHead, kindOfVector, trainLogistic, type TrainOptions } from '@gatehouse/detectors';
import { INJECTION_FAMILY } from './evaluate';
import type { Row } from './train';
import { TrainingSources } from './training';

/**
 * The kind heads (libs/detectors/src/injection/classifier/kinds.ts): one-vs-rest logistic
 * regressions over the attacks alone, `prompt_injection` being the default kind. Benign rows
 * play no part: the family has already decided that a text is an attack when a head is asked.
 */
export const HEAD_KINDS: readonly Kind[] = ['jailbreak', 'system_prompt_leak'];
/** Every kind weighs the same here: no trade-off like the family's false positives. */
const HEAD_OPTIONS: Partial<TrainOptions> = { epochs: 15, negativeWeight: 1 };

interface Attack {
  kind: Kind;
  source: number;
  vector: Map<number, number>;
}

/** The attacks whose kind their source labelled (not the blind sets': every attack there is `prompt_injection`). */
export function attacksOf(data: readonly Row[]): Attack[] {
  return data.filter((d) => d.t.label === 1 && !TrainingSources[d.source].familyOnly).map((d) => ({
    kind: (INJECTION_FAMILY.find((k) => d.ex.expect.includes(k)) ?? 'prompt_injection') as Kind,
    source: d.source,
    vector: foldVector(d.t.vector),
  }));
}

/** Pure (deterministic): float heads fitted to some attacks. */
function fitHeads(attacks: readonly Attack[], opts: TrainOptions): { kind: Kind; weights: Float64Array; bias: number }[] {
  const o = { ...opts, ...HEAD_OPTIONS };
  return HEAD_KINDS.map((kind) => ({ kind, ...trainLogistic(attacks.map((a) => ({ vector: a.vector, label: a.kind === kind ? 1 : 0 })), o) }));
}

/** Pure: the heads as committed (int8 over the folded space) and as the detectors decode them. */
export function committedHeads(attacks: readonly Attack[], opts: TrainOptions = DefaultTrainOptions): { heads: KindHead[]; encoded: { kind: Kind; bias: number; scale: number; base64: string }[] } {
  const encoded = fitHeads(attacks, opts).map((h) => {
    const { base64, scale } = encodeWeights(h.weights.subarray(0, KIND_DIM));
    return { kind: h.kind, bias: Math.round(h.bias * 1e6) / 1e6, scale, base64 };
  });
  const heads = encoded.map((e) => ({ kind: e.kind, bias: e.bias, scale: e.scale, q: decodeWeights(e.base64, KIND_DIM) }));
  return { heads, encoded };
}

/** Confusion counts `labelled -> read as`, each source's attacks read by heads fitted to the other sources. */
export function kindsHeldOut(attacks: readonly Attack[], sources: number, opts: TrainOptions = DefaultTrainOptions): Map<string, number> {
  const out = new Map<string, number>();
  for (let g = 0; g < sources; g++) {
    const { heads } = committedHeads(attacks.filter((a) => a.source !== g), opts);
    for (const a of attacks) {
      if (a.source !== g) continue;
      const key = `${a.kind} -> ${kindOfVector(heads, a.vector)}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** Markdown: per labelled kind, the share read as each kind (held out by source). */
export function kindsTable(confusion: ReadonlyMap<string, number>): string[] {
  const kinds = INJECTION_FAMILY as Kind[];
  const lines = ['| labelled \\ read as | ' + kinds.join(' | ') + ' | attacks |', '| --- |' + ' ---: |'.repeat(kinds.length + 1)];
  for (const k of kinds) {
    const n = kinds.reduce((s, r) => s + (confusion.get(`${k} -> ${r}`) ?? 0), 0);
    lines.push(`| ${k} | ` + kinds.map((r) => ((confusion.get(`${k} -> ${r}`) ?? 0) / Math.max(1, n)).toFixed(3)).join(' | ') + ` | ${n} |`);
  }
  return lines;
}
