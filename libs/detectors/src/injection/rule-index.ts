import type { Rule } from './rule';

const KEY_LEN = 4;
const BASE = 0x250;
/** A word's first four letters as a number (no string slicing on the hot loop). */
function keyOf(word: string): number {
  let k = 0;
  for (let i = 0; i < Math.min(KEY_LEN, word.length); i++) k = k * BASE + word.charCodeAt(i);
  return k;
}
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f);

/**
 * Where each rule may match, found in one pass over the words of the (lowercased) text instead of
 * one regex scan per rule: a word's first four letters select the rules anchored on it. Anchors
 * that do not start with a Latin letter (`<|im_start|>`, `忽略`) are found with indexOf.
 */
export class RuleIndex {
  private readonly byKey = new Map<number, Rule[]>();
  private readonly literal: Rule[] = [];
  private readonly finder: RegExp;

  constructor(readonly rules: readonly Rule[]) {
    const firsts = new Set<string>();
    for (const r of rules) {
      for (const a of r.anchors) {
        if (!isLetter(a.charCodeAt(0))) {
          if (!this.literal.includes(r)) this.literal.push(r);
          continue;
        }
        const first = a.split(/[^a-z\u00df-\u024f]/)[0];
        const list = this.byKey.get(keyOf(first)) ?? [];
        if (!list.includes(r)) list.push(r);
        this.byKey.set(keyOf(first), list);
        firsts.add(first);
      }
    }
    const words = [...firsts].sort((a, b) => b.length - a.length);
    this.finder = new RegExp(`\\b(?:${words.join('|')})`, 'g');
  }

  /** Rule → ascending offsets of word starts where one of its anchors may begin. */
  positions(lower: string, limit = 2048): Map<Rule, number[]> {
    const out = new Map<Rule, number[]>();
    const add = (r: Rule, at: number) => {
      const list = out.get(r);
      if (!list) out.set(r, [at]);
      else if (list.length < limit && list[list.length - 1] !== at) list.push(at);
    };
    // One regex finds the candidate word starts (irregexp scans far faster than a JS loop);
    // the word's first letters then select the rules.
    const finder = this.finder;
    finder.lastIndex = 0;
    for (let m = finder.exec(lower); m !== null; m = finder.exec(lower)) {
      let key = 0;
      for (let i = m.index; i < m.index + KEY_LEN && i < lower.length; i++) {
        const c = lower.charCodeAt(i);
        if (!isLetter(c)) break;
        key = key * BASE + c;
      }
      const rules = this.byKey.get(key);
      if (rules) for (const r of rules) add(r, m.index);
    }
    for (const r of this.literal) {
      for (const a of r.anchors) {
        if (isLetter(a.charCodeAt(0))) continue;
        for (let i = lower.indexOf(a); i !== -1; i = lower.indexOf(a, i + 1)) add(r, i);
      }
      out.get(r)?.sort((x, y) => x - y);
    }
    return out;
  }
}
