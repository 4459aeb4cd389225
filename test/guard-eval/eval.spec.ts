import { evaluate, fired, INJECTION_FAMILY, markdown } from './evaluate';
import { InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { TrainingSet } from './training';
import { fitWeights, thresholdFor, trainingData } from './train';
import { ClassifierWeights } from '../../libs/detectors/src/injection/classifier/weights';

/** The targets of issue #8, asserted on the labelled set (`node dist/test/guard-eval/run.js` prints the table). */
describe('guard evaluation set', () => {
  const inj = evaluate(InjectionSet, fired(InjectionSet));
  const pii = evaluate(PiiSet, fired(PiiSet));

  it('has enough examples of each kind', () => {
    expect(InjectionSet.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(60);
    expect(InjectionSet.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(50);
  });

  it('injection: recall ≥ 0.90 with ≤ 2 % false positives on benign look-alikes', () => {
    const family = inj.find((r) => r.detector.startsWith('injection'))!;
    expect(family.recall).toBeGreaterThanOrEqual(0.9);
    expect(family.fpr).toBeLessThanOrEqual(0.02);
    for (const r of inj.filter((x) => INJECTION_FAMILY.includes(x.detector))) expect(r.fpr).toBeLessThanOrEqual(0.02);
  });

  it('checksummed PII (cards, IBAN, national ids): recall ≥ 0.99, no false positives', () => {
    for (const r of pii.filter((x) => ['pii.payment_card', 'pii.iban', 'pii.us_ssn', 'pii.uk_nino', 'pii.ca_sin', 'pii.es_dni'].includes(x.detector))) {
      expect([r.detector, r.recall]).toEqual([r.detector, 1]);
      expect([r.detector, r.fp]).toEqual([r.detector, 0]);
    }
  });

  it('secrets and other PII: recall ≥ 0.95, false positives ≤ 2 look-alikes each', () => {
    for (const r of pii) {
      expect([r.detector, r.recall >= 0.95]).toEqual([r.detector, true]);
      expect([r.detector, r.fp <= 2]).toEqual([r.detector, true]);
    }
  });

  it('renders a markdown table', () => expect(markdown('x', inj)).toContain('| injection (any of 3) |'));
});

describe('injection classifier training', () => {
  it('has thousands of training examples of each kind, with unique ids', () => {
    expect(TrainingSet.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(1000);
    expect(TrainingSet.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(1000);
    expect(new Set(TrainingSet.map((e) => e.id)).size).toBe(TrainingSet.length);
  });

  it('the committed weights are what test/guard-eval/train.ts fits to the committed data at the committed threshold', () => {
    // The threshold itself comes from fifteen held-out fits (`node dist/test/guard-eval/train.js`,
    // about 40 s); here only the final fit is repeated, so a changed data file fails this test.
    expect(fitWeights(trainingData(), ClassifierWeights.threshold).version).toBe(ClassifierWeights.version);
  });

  it('picks the lowest threshold that keeps held-out false positives within the target', () => {
    const row = (label: 0 | 1, ruleOnly = false, rules = false) => ({ t: { label, vector: new Map() }, ruleOnly, rules }) as unknown as Parameters<typeof thresholdFor>[0][number];
    const data = [...Array.from({ length: 100 }, () => row(0)), row(1)];
    const scores = [...Array.from({ length: 100 }, (_, i) => 0.5 + i / 250), 0.99];
    // 2 % of 100 benign: the two highest benign scores (0.896, 0.892) may fire, the third (0.888) may not.
    expect(thresholdFor(data, scores, 0.02)).toBeCloseTo(0.888 + 1e-6, 9);
    // A benign system-prompt row the rules fire on uses up one of the two.
    const withRule = [...data, row(0, true, true)];
    expect(thresholdFor(withRule, [...scores, 0], 0.02)).toBeCloseTo(0.892 + 1e-6, 9);
  });
});
