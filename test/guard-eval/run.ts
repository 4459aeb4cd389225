import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asFamily, evaluate, fired, INJECTION_FAMILY, markdown } from './evaluate';
import { type Example, InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { HoldoutSet } from './holdout-set';
import { TrainingSet } from './training-set';
import { summarize, trainClassifier } from './train';

/**
 * Prints the guard's evaluation (markdown), and which examples it got wrong:
 *   npm run build && node dist/test/guard-eval/run.js
 * The blind set (`blind-set.ts`, written by someone who never saw the detectors) is reported as
 * aggregate figures only, and only when asked for (`GUARD_EVAL_BLIND=1`): its misses are never
 * printed, and each look is counted in docs/adr/0008, so it cannot quietly become a tuning set.
 */
interface Report {
  title: string;
  set: readonly Example[];
  /** Count any injection-family detector as a detection of any injection-family label. */
  family: boolean;
  misses: boolean;
}

function blindSet(): readonly Example[] | null {
  if (!existsSync(join(__dirname, 'blind-set.js')) && !existsSync(join(__dirname, 'blind-set.ts'))) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./blind-set') as { BlindSet: readonly Example[] }).BlindSet;
}

function main(): void {
  const reports: Report[] = [
    { title: 'Injection, jailbreak, prompt leak (labelled set; in the classifier\'s training data)', set: InjectionSet, family: false, misses: true },
    { title: 'PII and secrets', set: PiiSet, family: false, misses: true },
    { title: 'Training set of the classifier (in-sample; any injection detector counts)', set: TrainingSet, family: true, misses: false },
    { title: 'Held-out injections (never trained or tuned on; any injection detector counts)', set: HoldoutSet, family: true, misses: true },
  ];
  const blind = process.env.GUARD_EVAL_BLIND === '1' ? blindSet() : null;
  if (blind) reports.push({ title: 'Blind set (written without seeing the detectors; aggregate only)', set: blind, family: true, misses: false });
  else console.log('(blind set not reported: GUARD_EVAL_BLIND=1 node dist/test/guard-eval/run.js)\n');
  console.log(`### Injection classifier: cross-validation on its training data\n\n${summarize(trainClassifier()).join('\n')}\n`);
  for (const r of reports) {
    const raw = fired(r.set);
    const hits = r.family ? asFamily(r.set, raw) : raw;
    console.log(markdown(`${r.title} (${r.set.length} examples)`, evaluate(r.set, hits)), '\n');
    if (!r.misses) continue;
    for (const ex of r.set) {
      const got = [...hits.get(ex.id)!];
      const missed = ex.expect.filter((e) => !got.includes(e));
      const extra = ex.expect.length === 0 ? got.filter((d) => !r.family || INJECTION_FAMILY.includes(d)) : [];
      if (missed.length || extra.length) console.log(`- ${ex.id}: ${missed.length ? `missed ${missed.join(',')}` : `false positive ${extra.join(',')}`}`);
    }
    console.log();
  }
}

main();
