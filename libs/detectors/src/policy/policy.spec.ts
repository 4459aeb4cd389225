import type { Finding } from '../types';
import { decide } from './decide';
import { actionFor, resolvePolicy } from './resolve';
import { GuardSettings } from './settings';

const settings = GuardSettings.parse({
  actions: { prompt_injection: 'flag' },
  teams: { 'team-strict': { actions: { prompt_injection: 'block', 'pii.email': 'mask' }, on_failure: 'closed', timeout_ms: 50 } },
  keys: { 'ops-bot': { actions: { 'secret.*': 'redact' } } },
});
const who = (team: string | null, alias: string | null = null) => ({ team_id: team, key_id: 'key_1', key_alias: alias });
const f = (detector: string, score = 1): Finding => ({ detector, version: '1', kind: 'pii', label: 'X', score, unit: 0, spans: [], reasons: [] });

describe('resolvePolicy', () => {
  it('starts from sensible defaults', () => {
    const p = resolvePolicy(settings, who(null), 500);
    expect([p.onFailure, p.timeoutMs, actionFor(p.actions, 'secret.aws_key'), actionFor(p.actions, 'pii.payment_card'), actionFor(p.actions, 'pii.email')]).toEqual(['open', 500, 'mask', 'redact', 'flag']);
    expect(p.scorers).toEqual([]);
  });
  it('applies the team, then the key', () => {
    const p = resolvePolicy(settings, who('team-strict', 'ops-bot'), 500);
    expect([p.onFailure, p.timeoutMs, actionFor(p.actions, 'prompt_injection'), actionFor(p.actions, 'pii.email'), actionFor(p.actions, 'secret.jwt')]).toEqual(['closed', 50, 'block', 'mask', 'redact']);
  });
});

describe('actionFor', () => {
  it.each([
    ['secret.jwt', { 'secret.jwt': 'block', 'secret.*': 'mask' }, 'block'],
    ['secret.jwt', { 'secret.*': 'mask' }, 'mask'],
    ['pii.email', { '*': 'redact' }, 'redact'],
    ['other', {}, 'flag'],
  ] as const)('%s with %j → %s', (d, actions, want) => expect(actionFor(actions, d)).toBe(want));
});

describe('decide', () => {
  it('keeps findings over the minimum, drops turned-off detectors, takes the most severe action', () => {
    const r = decide([f('prompt_injection', 0.3), f('pii.email'), f('pii.payment_card'), f('pii.phone')], { 'pii.email': 'mask', 'pii.payment_card': 'redact', 'pii.phone': 'allow' }, 0.5);
    expect(r.action).toBe('redact');
    expect(r.decided.map((d) => [d.finding.detector, d.action])).toEqual([['pii.email', 'mask'], ['pii.payment_card', 'redact']]);
  });
  it('allows when nothing counts', () => expect(decide([], {}, 0.5).action).toBe('allow'));
});
