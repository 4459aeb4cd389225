import { fallbackGroups } from './fallback-plan';

const settings = {
  fallbacks: new Map([['gpt-4o', ['claude', 'gpt-4o-mini']], ['*', ['local']]]),
  contextWindowFallbacks: new Map([['gpt-4o', ['gpt-4o-128k']]]),
  contentPolicyFallbacks: new Map([['gpt-4o', ['claude']]]),
};

describe('fallbackGroups', () => {
  it.each([
    ['gpt-4o', 'failed', undefined, [], ['claude', 'gpt-4o-mini']],
    ['gpt-4o', 'failed', ['mine'], [], ['mine']], // the request's own list replaces the config's
    ['gpt-4o', 'context_window', ['mine'], [], ['gpt-4o-128k']],
    ['gpt-4o', 'content_policy', undefined, [], ['claude']],
    ['other', 'failed', undefined, [], ['local']], // `*`
    ['other', 'context_window', undefined, [], []],
    ['gpt-4o', 'failed', undefined, ['claude'], ['gpt-4o-mini']], // no loops
  ] as const)('%s, %s, request %j, visited %j → %j', (group, reason, req, visited, out) => {
    expect(fallbackGroups(group, reason, settings, req, new Set(visited))).toEqual(out);
  });
});
