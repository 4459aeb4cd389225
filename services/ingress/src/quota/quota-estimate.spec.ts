import { parseConfig } from '@gatehouse/config';
import type { Principal } from '@gatehouse/contracts';
import { countText } from '@gatehouse/tokenize';
import { embeddingWorstCase } from './estimate';
import { scopesFor } from './scopes';

const config = parseConfig(
  `
model_list:
  - { model_name: embed, litellm_params: { model: openai/text-embedding-3-small } }
  - { model_name: embed, litellm_params: { model: openai/text-embedding-3-large } }
  - { model_name: chat, litellm_params: { model: mock/mock-model } }
gatehouse:
  keys: [{ key: sk-gh-unit-key-0001, key_id: k1, team_id: t1, project: invoices, max_budget: 5 }]
  quota:
    teams: { t1: { rpm_limit: 60 } }
    projects: { invoices: { max_budget: 40, budget_duration: 7d } }
`,
  'unit',
);

const principal = (over: Partial<Principal> = {}): Principal => ({
  key_id: 'k1', key_alias: null, team_id: 't1', user_id: null, role: 'internal_user', models: ['*'],
  rpm_limit: null, tpm_limit: null, max_parallel_requests: null, metadata: {}, project: 'invoices', ...over,
});

describe('embeddingWorstCase', () => {
  const deployments = config.groups.get('embed')!;

  it('counts text inputs with the tokenizer and token arrays as they are, priced at the dearest deployment', () => {
    const texts = embeddingWorstCase({ model: 'embed', input: ['hello world', 'another text'] }, deployments);
    const tokens = countText('hello world', 'text-embedding-3-small') + countText('another text', 'text-embedding-3-small');
    expect(texts).toEqual({ tokens, cost_usd: expect.closeTo(tokens * 0.13e-6, 15) });
    expect(embeddingWorstCase({ model: 'embed', input: [1, 2, 3] }, deployments).tokens).toBe(3);
    expect(embeddingWorstCase({ model: 'embed', input: [[1, 2], [3]] }, deployments).tokens).toBe(3);
  });

  it('costs 0 when no deployment can be priced (the event flags price_unknown later)', () => {
    expect(embeddingWorstCase({ model: 'x', input: 'hi' }, []).cost_usd).toBe(0);
  });
});

describe('scopesFor', () => {
  it("adds the key's project with the budget of gatehouse.quota.projects, beside key and team", () => {
    const scopes = scopesFor(config, principal(), 'chat', null);
    expect(scopes.map((s) => s.id)).toEqual(['key:k1', 'team:t1', 'project:invoices']);
    expect(scopes[2]).toMatchObject({ kind: 'project', label: 'project invoices', limits: { max_budget_usd: 40, budget_duration: '7d', rpm: null } });
    expect(scopes[0].limits.max_budget_usd).toBe(5);
  });

  it('leaves the project out when the key has none or the project sets no limit', () => {
    expect(scopesFor(config, principal({ project: null }), 'chat', null).map((s) => s.id)).toEqual(['key:k1', 'team:t1']);
    expect(scopesFor(config, principal({ project: 'other' }), 'chat', null).map((s) => s.id)).toEqual(['key:k1', 'team:t1']);
  });
});
