import { parseLlamaGuard, parseProbability, parseScannerAnswer } from './scorer';

describe('scorer answers', () => {
  it.each([
    ['safe', { score: 0, reasons: [] }],
    ['unsafe\nS1,S10', { score: 1, reasons: ['llama_guard.S1', 'llama_guard.S10'] }],
    ['unsafe', { score: 1, reasons: ['llama_guard.unsafe'] }],
    ['Echo: hello', null],
  ])('llama guard %j', (t, want) => expect(parseLlamaGuard(t)).toEqual(want));

  it.each([
    ['0.93', { score: 0.93, reasons: [] }],
    ['INJECTION: 0.8', { score: 0.8, reasons: ['model.injection'] }],
    ['maybe', null],
  ])('probability %j', (t, want) => expect(parseProbability(t)).toEqual(want));

  it.each([
    [{ score: 0.7, reasons: ['prompt_injection'] }, { score: 0.7, reasons: ['http.prompt_injection'] }],
    [{ flagged: true, categories: { prompt_injection: true, pii: false } }, { score: 1, reasons: ['http.prompt_injection'] }],
    [{ risk_score: 2 }, null],
    ['nope', null],
  ])('scanner %j', (b, want) => expect(parseScannerAnswer(b)).toEqual(want));
});
