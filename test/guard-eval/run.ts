import { evaluate, fired, markdown } from './evaluate';
import { InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { HoldoutSet } from './holdout-set';

/**
 * Prints the guard's evaluation (markdown), and which examples it got wrong:
 *   npm run build && node dist/test/guard-eval/run.js
 */
function main(): void {
  for (const [title, set] of [['Injection, jailbreak, prompt leak', InjectionSet], ['PII and secrets', PiiSet], ['Held-out injections (never tuned on; any injection detector counts)', HoldoutSet]] as const) {
    const hits = fired(set);
    const rows = evaluate(set, hits);
    // Held-out attacks are labelled prompt_injection; any of the three detectors firing counts.
    const shown = set === HoldoutSet ? evaluate(set, new Map([...hits].map(([k, v]) => [k, new Set([...v].some((d) => ['prompt_injection', 'jailbreak', 'system_prompt_leak'].includes(d)) ? ['prompt_injection'] : [])]))) : rows;
    console.log(markdown(`${title} (${set.length} examples)`, shown), '\n');
    for (const ex of set) {
      const got = [...hits.get(ex.id)!];
      const missed = ex.expect.filter((e) => !got.includes(e));
      const extra = ex.expect.length === 0 ? got.filter((d) => set !== HoldoutSet || !d.includes('.')) : [];
      if (set === HoldoutSet && missed.length && got.length) continue;
      if (missed.length || extra.length) console.log(`- ${ex.id}: ${missed.length ? `missed ${missed.join(',')}` : `false positive ${extra.join(',')}`}`);
    }
    console.log();
  }
}

main();
