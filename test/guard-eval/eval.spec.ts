import { evaluate, fired, INJECTION_FAMILY, markdown } from './evaluate';
import { InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { TrainingSet } from './training';
import { trainClassifier } from './train';
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

  it('the committed weights are what test/guard-eval/train.ts makes of the committed data', () => {
    const t = trainClassifier();
    expect(t.version).toBe(ClassifierWeights.version);
    // Out of fold, the detectors' decision stays within the issue's false-positive limit.
    expect(t.outOfSource.fpr).toBeLessThanOrEqual(0.02);
    expect(t.outOfSource.recall).toBeGreaterThan(t.rules.recall);
  });
});
