import { type Actor, exampleKeySettings, exampleTeamSettings, type KeySettings } from '@gatehouse/contracts';
import type { KeyRecord } from '../keys/key.decider';
import type { TeamRecord } from '../teams/team.decider';
import { effectiveModels, minLimit } from '../state/principal-of';
import { checkKeyGrant, mayChangeKey, mayChangeTeam, mayReadKey } from './policy';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({ key_id: 'me', sso_subject: null, role, team_id: 'team_billing', models: ['*'], ...extra });
const team: TeamRecord = { team_id: 'team_billing', settings: exampleTeamSettings, members: [], created_at: '', updated_at: '' };
const settings = (s: Partial<KeySettings> = {}): KeySettings => ({ ...exampleKeySettings, ...s });
const key = (teamId: string | null, id = 'k1'): KeyRecord => ({
  key_id: id, digest: 'a'.repeat(64), previous: null, settings: settings({ team_id: teamId }), revoked: false, created_at: '', updated_at: '',
  created_by: { key_id: 'master', sso_subject: null, role: 'proxy_admin' },
});

describe('policy', () => {
  it('team_admin: own team keys only', () => {
    expect(() => mayChangeKey(actor('team_admin'), key('team_billing'))).not.toThrow();
    expect(() => mayChangeKey(actor('team_admin'), key('team_other'))).toThrow('own team');
    expect(() => mayChangeKey(actor('viewer'), key('team_billing'))).toThrow('may not change');
  });

  it('internal_user reads only its own key; viewer reads all', () => {
    expect(() => mayReadKey(actor('internal_user'), key('x', 'me'))).not.toThrow();
    expect(() => mayReadKey(actor('internal_user'), key('x', 'other'))).toThrow();
    expect(() => mayReadKey(actor('viewer'), key('x', 'other'))).not.toThrow();
  });

  it('nobody grants a role, team or model it does not have', () => {
    expect(() => checkKeyGrant(actor('team_admin'), settings({ role: 'proxy_admin' }), team)).toThrow('role proxy_admin');
    expect(() => checkKeyGrant(actor('team_admin'), settings({ team_id: 'team_other' }), team)).toThrow('own team');
    expect(() => checkKeyGrant(actor('team_admin', { models: ['gpt-4o-mini'] }), settings({ models: ['claude-haiku'] }), team)).toThrow('claude-haiku');
    expect(() => checkKeyGrant(actor('team_admin', { models: ['gpt-4o-mini'] }), settings({ models: [] }), { ...team, settings: { ...team.settings, models: [] } })).toThrow('every model');
  });

  it('a key never widens its team', () => {
    expect(() => checkKeyGrant(actor('proxy_admin'), settings({ models: ['o3'] }), team)).toThrow('"o3"');
    expect(() => checkKeyGrant(actor('proxy_admin'), settings({ rpm_limit: 10_000 }), team)).toThrow('rpm_limit');
    expect(() => checkKeyGrant(actor('proxy_admin'), settings({ rpm_limit: null, max_budget: 10 }), team)).not.toThrow();
  });

  it('a team_admin may not raise its own team limits', () => {
    expect(() => mayChangeTeam(actor('team_admin'), team, { team_alias: 'x' })).not.toThrow();
    expect(() => mayChangeTeam(actor('team_admin'), team, { max_budget: 1e6 })).toThrow('max_budget');
  });

  it('effective models and limits are the intersection and the minimum', () => {
    expect(effectiveModels([], ['a', 'b'])).toEqual(['a', 'b']);
    expect(effectiveModels(['a', 'c'], ['a', 'b'])).toEqual(['a']);
    expect(effectiveModels([], null)).toEqual(['*']);
    expect(minLimit(null, 5)).toBe(5);
    expect(minLimit(3, 5)).toBe(3);
    expect(minLimit(null, null)).toBeNull();
  });
});
