import { costOf } from './cost';

describe('costOf', () => {
  const d = { provider: 'openai', inputCostPerToken: 0.0000025, outputCostPerToken: 0.00001 };

  it('prices prompt and completion tokens', () => {
    expect(costOf(d, { prompt_tokens: 1000, completion_tokens: 200 })).toEqual({ usd: 0.0045, price_unknown: false });
  });

  it('flags an unknown price as cost 0, not an error', () => {
    expect(costOf({ provider: 'openai', inputCostPerToken: null, outputCostPerToken: null }, { prompt_tokens: 5, completion_tokens: 5 })).toEqual({ usd: 0, price_unknown: true });
  });

  it('prices the free mock model at 0 without a warning', () => {
    expect(costOf({ provider: 'mock', inputCostPerToken: null, outputCostPerToken: null }, { prompt_tokens: 5, completion_tokens: 5 })).toEqual({ usd: 0, price_unknown: false });
  });

  it('charges nothing and flags nothing when no deployment served and no tokens were used', () => {
    expect(costOf(null, { prompt_tokens: 0, completion_tokens: 0 })).toEqual({ usd: 0, price_unknown: false });
  });
});
