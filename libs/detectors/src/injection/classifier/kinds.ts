import { HASH_BITS, type RuleEvidence, vectorOf } from './features';

/**
 * Which kind of attack a text the family flags is: an override of the application's
 * instructions (`prompt_injection`), a persona or "mode" jailbreak, or a system-prompt leak
 * attempt. The family's model only says "attack"; without this, a jailbreak or leak wording that
 * no rule knows was reported as `prompt_injection`, and a policy on `jailbreak` never saw it.
 * One-vs-rest logistic heads over the classifier's features folded to 2¹⁴ buckets (16 KiB
 * each), trained on the attacks alone (`test/guard-eval/train.ts`); asked only about a text the
 * family already reports, so benign traffic never pays for it.
 */
export type Kind = 'prompt_injection' | 'jailbreak' | 'system_prompt_leak';

export const KIND_BITS = 14;
export const KIND_DIM = 1 << KIND_BITS;

/** One head: is the attack of this kind rather than any other? (int8 weights × `scale`). */
export interface KindHead {
  kind: Kind;
  bias: number;
  scale: number;
  q: Int8Array;
}

/** Pure: a feature vector folded into the heads' smaller space (the top bits of each bucket). */
export function foldVector(v: ReadonlyMap<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [i, x] of v) {
    const j = i >>> (HASH_BITS - KIND_BITS);
    out.set(j, (out.get(j) ?? 0) + x);
  }
  return out;
}

/** Pure: the head with the highest probability above one half, else `prompt_injection` (the family's default kind). */
export function kindOfVector(heads: readonly KindHead[], v: ReadonlyMap<number, number>): Kind {
  let kind: Kind = 'prompt_injection';
  let best = 0;
  for (const h of heads) {
    let z = h.bias;
    for (const [i, x] of v) z += h.q[i] * h.scale * x;
    if (z > best) [kind, best] = [h.kind, z];
  }
  return kind;
}

/** Pure: the kind of an attack text (the window the family scored highest), given the rules' evidence on it. */
export function kindOf(heads: readonly KindHead[], text: string, origin: string, evidence: readonly RuleEvidence[] = []): Kind {
  if (heads.length === 0) return 'prompt_injection';
  return kindOfVector(heads, foldVector(vectorOf(text, origin, evidence)));
}
