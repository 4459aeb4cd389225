import { parseCommand, UsageError } from './args';
import { forgetActor } from './forget';

const now = new Date('2026-11-22T10:00:00Z');

describe('audit forget arguments', () => {
  it.each([
    [['audit', 'forget', '--user', 'alice'], { kind: 'audit-forget', scope: { user: 'alice' }, reason: null }],
    [['audit', 'forget', '--team', 'team-a', '--reason', 'offboarding'], { kind: 'audit-forget', scope: { team_id: 'team-a' }, reason: 'offboarding' }],
  ])('%j', (argv, cmd) => expect(parseCommand(argv, now, {})).toMatchObject({ ...cmd, nats: 'nats://127.0.0.1:4222' }));

  it.each([
    [['audit', 'forget']],
    [['audit', 'forget', '--user', 'a', '--team', 'b']],
    [['audit', 'forget', '--user', '']],
    [['audit', 'forget', '--user', 'a', '--since', '1h']],
  ])('refuses %j', (argv) => expect(() => parseCommand(argv, now, {})).toThrow(UsageError));
});

describe('forgetActor', () => {
  it('records the operator account, or GATEHOUSE_ACTOR when set', () => {
    expect(forgetActor({}, 'dpo', 'ops-1')).toBe('dpo@ops-1');
    expect(forgetActor({ GATEHOUSE_ACTOR: 'ticket-42/jane' }, 'dpo', 'ops-1')).toBe('ticket-42/jane');
  });
});
