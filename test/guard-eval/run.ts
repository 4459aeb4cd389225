import { asFamily, evaluate, fired, INJECTION_FAMILY, markdown } from './evaluate';
import { blindSet } from './blind';
import { type Example, InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { TrainingSet } from './training';
import { summarize, trainClassifier } from './train';

/**
 * Prints the guard's evaluation (markdown), and which examples of the labelled sets it got wrong:
 *   npm run build && node dist/test/guard-eval/run.js
 * The blind set (`blind-set-5.ts`) is reported only when asked for (`GUARD_EVAL_BLIND=1`), as
 * aggregates and per category, never its misses (see blind.ts).
 */
interface Report {
  title: string;
  set: readonly Example[];
  /** Count any injection-family detector as a detection of any injection-family label. */
  family: boolean;
  misses: boolean;
}

function printMisses(r: Report, hits: Map<string, Set<string>>): void {
  for (const ex of r.set) {
    const got = [...hits.get(ex.id)!];
    const missed = ex.expect.filter((e) => !got.includes(e));
    const extra = ex.expect.length === 0 ? got.filter((d) => !r.family || INJECTION_FAMILY.includes(d)) : [];
    if (missed.length || extra.length) console.log(`- ${ex.id}: ${missed.length ? `missed ${missed.join(',')}` : `false positive ${extra.join(',')}`}`);
  }
  console.log();
}

/** Pure: recall or false-positive rate per category of the blind set (figures only). */
export function byCategory(set: readonly Example[], category: Readonly<Record<string, string>>, hits: Map<string, Set<string>>): string[] {
  const rows = new Map<string, { n: number; fired: number; attack: boolean }>();
  for (const ex of set) {
    const c = category[ex.id] ?? 'uncategorised';
    const attack = ex.expect.length > 0;
    const r = rows.get(`${attack ? 'attack' : 'benign'}: ${c}`) ?? { n: 0, fired: 0, attack };
    r.n++;
    if ([...hits.get(ex.id)!].some((d) => INJECTION_FAMILY.includes(d))) r.fired++;
    rows.set(`${attack ? 'attack' : 'benign'}: ${c}`, r);
  }
  return ['| category | examples | fired | recall / FP rate |', '| --- | ---: | ---: | ---: |',
    ...[...rows].sort().map(([c, r]) => `| ${c} | ${r.n} | ${r.fired} | ${r.attack ? (r.fired / r.n).toFixed(3) : `${((r.fired / r.n) * 100).toFixed(1)} %`} |`)];
}

function main(): void {
  const reports: Report[] = [
    { title: 'Injection, jailbreak, prompt leak (labelled set; in the classifier\'s training data)', set: InjectionSet, family: false, misses: true },
    { title: 'PII and secrets', set: PiiSet, family: false, misses: true },
    { title: 'Training data of the classifier (in-sample; any injection detector counts)', set: TrainingSet, family: true, misses: false },
  ];
  const t = trainClassifier();
  console.log(`### Injection family on its training data, held out\n\n${summarize(t).join('\n')}\n`);
  for (const r of reports) {
    const raw = fired(r.set);
    const hits = r.family ? asFamily(r.set, raw) : raw;
    console.log(markdown(`${r.title} (${r.set.length} examples)`, evaluate(r.set, hits)), '\n');
    if (r.misses) printMisses(r, hits);
  }
  const blind = blindSet();
  if (!blind) return console.log('(blind set not reported: GUARD_EVAL_BLIND=1 node dist/test/guard-eval/run.js)');
  const hits = asFamily(blind.set, fired(blind.set));
  console.log(markdown(`Blind set 5 (written without seeing the detectors or the training data; aggregate only; ${blind.set.length} examples)`, evaluate(blind.set, hits)), '\n');
  console.log(byCategory(blind.set, blind.category, hits).join('\n'));
}

if (require.main === module) main();
