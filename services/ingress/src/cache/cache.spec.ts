import { parseConfig } from '@gatehouse/config';
import type { Principal } from '@gatehouse/contracts';
import { cacheControls, cachePlan } from './cache-plan';
import { assembleCompletion, replayChunks } from './completion-chunks';

describe('cacheControls', () => {
  it.each([
    [undefined, undefined, { noCache: false, noStore: false, ttlS: null }],
    ['no-cache', undefined, { noCache: true, noStore: false, ttlS: null }],
    ['No-Store, max-age=0', undefined, { noCache: false, noStore: true, ttlS: null }],
    [['private', 'no-cache'], undefined, { noCache: true, noStore: false, ttlS: null }],
    [undefined, { 'no-cache': true, 'no-store': true, ttl: 60 }, { noCache: true, noStore: true, ttlS: 60 }],
    [undefined, { ttl: -1 }, { noCache: false, noStore: false, ttlS: null }],
    [undefined, 'junk', { noCache: false, noStore: false, ttlS: null }],
  ])('header %j body %j', (h, b, want) => expect(cacheControls(h, b)).toEqual(want));
});

describe('cachePlan', () => {
  const yaml = (settings: string, gh = 'cache: { teams: [team-a] }') => `
model_list:
  - { model_name: m, litellm_params: { model: mock/m } }
litellm_settings:
${settings}
gatehouse:
  ${gh}
`;
  const principal = (team_id: string | null) => ({ key_id: 'k', team_id }) as Principal;
  const none = cacheControls(undefined, undefined);

  it.each([
    ['cache off', '  drop_params: true', 'team-a'],
    ['team not opted in', '  cache: true', 'team-b'],
    ['team not opted in', '  cache: true', null],
    ['call type not cached', '  cache: true\n  cache_params: { supported_call_types: [embedding] }', 'team-a'],
  ])('off: %s', (reason, settings, team) => {
    expect(cachePlan(parseConfig(yaml(settings), 't'), principal(team), none)).toEqual({ enabled: false, reason });
  });

  it('exact only, with LiteLLM ttl and request controls', () => {
    const cfg = parseConfig(yaml('  cache: true\n  cache_params: { type: local, ttl: 120 }'), 't');
    expect(cachePlan(cfg, principal('team-a'), none)).toEqual({ enabled: true, namespace: 'team:team-a', lookup: true, store: true, ttlS: 120, maxEntries: 10000, semantic: null });
    expect(cachePlan(cfg, principal('team-a'), cacheControls('no-cache', { 'no-store': true, ttl: 5 }))).toMatchObject({ lookup: false, store: false, ttlS: 5 });
  });

  it('semantic: local without an embedding alias, embedding with one', () => {
    const s = '  cache: true\n  cache_params: { type: redis-semantic, similarity_threshold: 0.8 }';
    expect(cachePlan(parseConfig(yaml(s, 'cache: { teams: ["*"] }'), 't'), principal('x'), none)).toMatchObject({ semantic: { method: 'local', threshold: 0.8 } });
    const withAlias = parseConfig(yaml(s, 'cache: { teams: ["*"], embedding_model: emb }'), 't');
    expect(cachePlan(withAlias, principal('x'), none)).toMatchObject({ semantic: { method: 'embedding', threshold: 0.8, embedding_model: 'emb' } });
    const notSemanticTeam = parseConfig(yaml(s, 'cache: { teams: ["*"], semantic_teams: [y] }'), 't');
    expect(cachePlan(notSemanticTeam, principal('x'), none)).toMatchObject({ enabled: true, semantic: null });
  });
});

describe('assembleCompletion / replayChunks', () => {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o));
  const head = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm' };
  const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };

  it('assembles content, tool-call fragments and the finish reason', () => {
    const chunks = [
      { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' } }] },
      { ...head, choices: [{ index: 0, delta: { content: 'lo' } }] },
      { ...head, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'f', arguments: '{"a"' } }] } }] },
      { ...head, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }, finish_reason: 'tool_calls' }] },
    ].map(enc);
    expect(assembleCompletion(chunks, { finish_reason: 'tool_calls', usage })).toEqual({
      id: 'c1', object: 'chat.completion', created: 1, model: 'm', usage,
      choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: 'Hello', tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] } }],
    });
  });

  it.each([[[]], [[Buffer.from('not json')]]])('null for unusable chunks', (raws) => {
    expect(assembleCompletion(raws, { finish_reason: 'stop', usage: null })).toBeNull();
  });

  it('replays a completion as chunks that assemble back to it', () => {
    const c = { id: 'c1', object: 'chat.completion' as const, created: 1, model: 'm', usage, choices: [{ index: 0, finish_reason: 'stop' as const, message: { role: 'assistant' as const, content: 'x'.repeat(150) } }] };
    const plain = replayChunks(c, { model: 'm', messages: [] });
    expect(plain.map((p) => p.choices[0]?.delta.content ?? null)).toEqual(['', 'x'.repeat(64), 'x'.repeat(64), 'x'.repeat(22), null]);
    expect(assembleCompletion(plain.map(enc), { finish_reason: 'stop', usage })).toEqual(c);
    const withUsage = replayChunks(c, { model: 'm', messages: [], stream_options: { include_usage: true } });
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage });
  });
});
