import { evaluate, fired, INJECTION_FAMILY, markdown } from './evaluate';
import { InjectionSet } from './injection-set';
import { PiiSet } from './pii-set';
import { HoldoutSet } from './holdout-set';
import { TrainingSet } from './training-set';
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
  it('has several hundred training examples of each kind, none of them from the held-out set', () => {
    expect(TrainingSet.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(300);
    expect(TrainingSet.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(300);
    const held = new Set(HoldoutSet.map((e) => e.text));
    expect(TrainingSet.filter((e) => held.has(e.text))).toEqual([]);
  });

  it('the committed weights are what test/guard-eval/train.ts makes of the committed data', () => {
    const t = trainClassifier();
    expect(t.version).toBe(ClassifierWeights.version);
    // Out of fold, rules and classifier together stay within the false-positive limit.
    expect(t.combined.fpr).toBeLessThanOrEqual(0.02);
    expect(t.combined.recall).toBeGreaterThan(t.rules.recall);
  });
});
