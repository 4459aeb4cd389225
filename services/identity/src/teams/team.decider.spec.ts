import { exampleTeamSettings } from '@gatehouse/contracts';
import { decideTeam, evolveTeam, type TeamEvent, type TeamState } from './team.decider';

const meta = { now: new Date('2026-11-22T10:00:00.000Z'), eventId: 'e1', actor: { key_id: 'master', sso_subject: null, role: 'proxy_admin' as const } };
const fold = (events: TeamEvent[], s: TeamState = null) => events.reduce(evolveTeam, s);
const created = () => fold(decideTeam({ type: 'create', team_id: 't1', settings: exampleTeamSettings, members: [] }, null, meta));

describe('team decider', () => {
  it('creates once', () => {
    expect(created()).toMatchObject({ team_id: 't1', members: [] });
    expect(() => decideTeam({ type: 'create', team_id: 't1', settings: exampleTeamSettings, members: [] }, created(), meta)).toThrow('already exists');
  });

  it('adds a member once; a new role replaces the old', () => {
    const alice = { user_id: 'alice', user_email: null, role: 'user' as const };
    const s = fold(decideTeam({ type: 'add_member', member: alice }, created(), meta), created());
    expect(decideTeam({ type: 'add_member', member: alice }, s, meta)).toEqual([]);
    const promoted = fold(decideTeam({ type: 'add_member', member: { ...alice, role: 'admin' } }, s, meta), s);
    expect(promoted!.members).toEqual([{ ...alice, role: 'admin' }]);
    expect(() => decideTeam({ type: 'add_member', member: { user_id: null, user_email: null, role: 'user' } }, s, meta)).toThrow('user_id');
  });

  it('updates changed settings only', () => {
    expect(decideTeam({ type: 'update', changes: { blocked: false } }, created(), meta)).toEqual([]);
    expect(fold(decideTeam({ type: 'update', changes: { blocked: true } }, created(), meta), created())!.settings.blocked).toBe(true);
  });
});
