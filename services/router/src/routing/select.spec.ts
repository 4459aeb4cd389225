import type { Deployment } from '@gatehouse/config';
import { Strategy } from './routing-settings';
import { type SelectInput, selectDeployment } from './select';
import type { StatsView } from './strategies';

const dep = (id: string, o: Partial<Deployment> = {}) =>
  ({ id, group: 'g', provider: 'openai', weight: 1, order: null, rpm: null, tpm: null, inputCostPerToken: null, outputCostPerToken: null, tags: [], modelInfo: {}, ...o }) as Deployment;

function stats(t: Record<string, { latency?: number; inFlight?: number; requests?: number; tokens?: number }> = {}): StatsView {
  return {
    latencyMs: (id) => t[id]?.latency ?? null,
    inFlight: (id) => t[id]?.inFlight ?? 0,
    usage: (id) => ({ requests: t[id]?.requests ?? 0, tokens: t[id]?.tokens ?? 0 }),
  };
}

const input = (o: Partial<SelectInput> = {}): SelectInput => ({
  strategy: Strategy.simpleShuffle, stream: false, now: 1_000, random: () => 0.5, explore: 0,
  skip: new Set(), requiredTags: [], coolingUntil: () => 0, tokens: 10, ...o,
});
const pick = (g: Deployment[], s: StatsView, o: Partial<SelectInput> = {}) => selectDeployment(g, s, input(o)).deployment?.id ?? null;

describe('selectDeployment: strategies', () => {
  const g = [dep('a', { inputCostPerToken: 2e-6 }), dep('b', { inputCostPerToken: 1e-6 }), dep('c')];
  it.each([
    [Strategy.latency, stats({ a: { latency: 300 }, b: { latency: 100 }, c: { latency: 200 } }), 'b'],
    [Strategy.latency, stats({ a: { latency: 300 }, b: { latency: 100 } }), 'c'], // never measured: measured first
    [Strategy.leastBusy, stats({ a: { inFlight: 2 }, b: { inFlight: 1 }, c: { inFlight: 3 } }), 'b'],
    [Strategy.cost, stats(), 'b'], // c has no price: last
    [Strategy.usage, stats({ a: { tokens: 50 }, b: { tokens: 10 }, c: { tokens: 90 } }), 'b'],
  ])('%s picks the best deployment', (strategy, s, id) => {
    expect(pick(g, s, { strategy })).toBe(id);
  });

  it('latency-based routing explores by weight a small share of the time', () => {
    const s = stats({ a: { latency: 300 }, b: { latency: 100 }, c: { latency: 200 } });
    expect(pick(g, s, { strategy: Strategy.latency, explore: 0.1, random: () => 0.05 })).toBe('a');
  });

  it('usage-based routing compares shares of each deployment\'s own limits', () => {
    const g2 = [dep('big', { tpm: 10_000 }), dep('small', { tpm: 1_000 })];
    expect(pick(g2, stats({ big: { tokens: 4_000 }, small: { tokens: 500 } }), { strategy: Strategy.usage })).toBe('big');
  });

  it('simple-shuffle honours weights', () => {
    const g2 = [dep('a', { weight: 1 }), dep('b', { weight: 3 })];
    expect(pick(g2, stats(), { random: () => 0.2 })).toBe('a');
    expect(pick(g2, stats(), { random: () => 0.3 })).toBe('b');
  });
});

describe('selectDeployment: filters and priorities', () => {
  it('never picks a deployment outside the boundary, cooling down, tried or of weight 0', () => {
    const g = [dep('eu', { tags: ['eu'] }), dep('us'), dep('cool', { tags: ['eu'] }), dep('tried', { tags: ['eu'] }), dep('zero', { tags: ['eu'], weight: 0 })];
    const s = selectDeployment(g, stats(), input({ requiredTags: ['eu'], coolingUntil: (id) => (id === 'cool' ? 5_000 : 0), skip: new Set(['tried']) }));
    expect(s.deployment?.id).toBe('eu');
    expect(s.excluded.map((e) => `${e.deployment.id}:${e.reason}`)).toEqual(['us:boundary', 'cool:cooldown', 'tried:tried', 'zero:weight_0']);
  });

  it('returns none when nothing is left', () => {
    expect(selectDeployment([dep('a')], stats(), input({ coolingUntil: () => 9_999 })).deployment).toBeNull();
  });

  it('spends the lowest order first and bursts to the next only when it is cooling down or over its limits', () => {
    const g = [dep('payg', { order: 2 }), dep('reserved', { order: 1, rpm: 10 }), dep('free')];
    expect(pick(g, stats())).toBe('reserved');
    expect(pick(g, stats({ reserved: { requests: 10 } }))).toBe('payg');
    expect(pick(g, stats(), { coolingUntil: (id) => (id === 'reserved' ? 2_000 : 0) })).toBe('payg');
    expect(pick(g, stats(), { skip: new Set(['reserved', 'payg']) })).toBe('free');
  });

  it('treats limits as soft when every deployment is over them', () => {
    const g = [dep('a', { rpm: 1 }), dep('b', { rpm: 1 })];
    expect(pick(g, stats({ a: { requests: 1 }, b: { requests: 1 } }))).not.toBeNull();
  });

  it('checks tpm with the request\'s own tokens', () => {
    const g = [dep('a', { tpm: 100, order: 1 }), dep('b', { order: 2 })];
    expect(pick(g, stats({ a: { tokens: 95 } }), { tokens: 10 })).toBe('b');
    expect(pick(g, stats({ a: { tokens: 85 } }), { tokens: 10 })).toBe('a');
  });
});
