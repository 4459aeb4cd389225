import { costOf, embeddingCostOf, unpricedDeployments } from './cost';

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

describe('prices', () => {
  const base = { provider: 'openai', inputCostPerToken: null, outputCostPerToken: null };

  it('uses the built-in table by provider model, dated variants included', () => {
    expect(costOf({ ...base, providerModel: 'gpt-4o-2024-08-06' }, { prompt_tokens: 1_000_000, completion_tokens: 0 })).toEqual({ usd: 2.5, price_unknown: false });
  });

  it('prices cached prompt tokens at the cached rate', () => {
    const c = costOf({ ...base, providerModel: 'gpt-4o' }, { prompt_tokens: 1000, completion_tokens: 100, cached_tokens: 800 });
    expect(c.usd).toBeCloseTo(200 * 2.5e-6 + 800 * 1.25e-6 + 100 * 1e-5, 12);
  });

  it('lets config override the table, cached price included', () => {
    const d = { ...base, providerModel: 'gpt-4o', inputCostPerToken: 0.001, outputCostPerToken: 0.002, extra: { cache_read_input_token_cost: 0.0001 } };
    expect(costOf(d, { prompt_tokens: 10, completion_tokens: 1, cached_tokens: 5 }).usd).toBeCloseTo(5 * 0.001 + 5 * 0.0001 + 0.002, 12);
  });

  it('prices embeddings per input token, from the table or config, null when unknown', () => {
    expect(embeddingCostOf({ ...base, providerModel: 'text-embedding-3-small' }, 1_000_000)).toBeCloseTo(0.02, 12);
    expect(embeddingCostOf({ ...base, providerModel: 'my-embedder', inputCostPerToken: 0.001 }, 10)).toBeCloseTo(0.01, 12);
    expect(embeddingCostOf({ ...base, providerModel: 'my-embedder' }, 10)).toBeNull();
  });

  it('lists deployments nobody can price, for a start-up warning', () => {
    expect(unpricedDeployments([{ ...base, id: 'a#0', providerModel: 'my-finetune' }, { ...base, id: 'b#0', providerModel: 'gpt-4o-mini' }])).toEqual(['a#0']);
  });
});
