import { parseCommand, parseTime, UsageError } from './args';

const now = new Date('2026-11-22T12:00:00.000Z');
const parse = (...argv: string[]) => parseCommand(argv, now, { NATS_URL: 'nats://env:4222' });

describe('parseCommand', () => {
  it('reads audit tail with its defaults and the NATS URL from the environment', () => {
    expect(parse('audit', 'tail')).toEqual({ kind: 'audit-tail', nats: 'nats://env:4222', n: 20, follow: false });
    expect(parse('audit', 'tail', '-n', '5', '-f', '--nats', 'nats://x:1')).toEqual({ kind: 'audit-tail', nats: 'nats://x:1', n: 5, follow: true });
    expect(parseCommand(['audit', 'tail'], now, {})).toMatchObject({ nats: 'nats://127.0.0.1:4222' });
  });

  it("uses a local npm start's NATS when neither --nats nor NATS_URL is given", () => {
    expect(parseCommand(['audit', 'tail'], now, {}, 'nats://127.0.0.1:4223')).toMatchObject({ nats: 'nats://127.0.0.1:4223' });
    expect(parseCommand(['audit', 'tail'], now, { NATS_URL: 'nats://env:1' }, 'nats://127.0.0.1:4223')).toMatchObject({ nats: 'nats://env:1' });
  });

  it('reads audit replay with filters, options in any order', () => {
    expect(parse('--format', 'csv', 'audit', 'replay', '--since', '1h', '--until', '2026-11-22T11:30:00Z', '--team', 't1', '--request-id', 'r1')).toEqual({
      kind: 'audit-replay',
      nats: 'nats://env:4222',
      since: new Date('2026-11-22T11:00:00.000Z'),
      until: new Date('2026-11-22T11:30:00.000Z'),
      team: 't1',
      requestId: 'r1',
      format: 'csv',
    });
  });

  it('reads audit verify and ledger rebuild, with the database from the environment or --database', () => {
    expect(parseCommand(['audit', 'verify'], now, { DATABASE_URL: 'postgres://db/x' })).toEqual({
      kind: 'audit-verify', nats: 'nats://127.0.0.1:4222', database: 'postgres://db/x', source: 'stream', publicKeyFile: null,
    });
    expect(parse('audit', 'verify', '--source', 'table', '--public-key', 'k.pem', '--database', 'postgres://d')).toMatchObject({ source: 'table', publicKeyFile: 'k.pem', database: 'postgres://d' });
    expect(parse('ledger', 'rebuild')).toEqual({ kind: 'ledger-rebuild', nats: 'nats://env:4222', database: 'postgres://postgres@127.0.0.1:5432/postgres' });
    expect(() => parse('audit', 'verify', '--source', 'disk')).toThrow('--source must be stream or table');
    expect(() => parse('ledger', 'rebuild', '--team', 't')).toThrow("--team does not apply to 'ledger rebuild'");
  });

  it('shows help when asked or when there is no command', () => {
    expect(parse()).toEqual({ kind: 'help' });
    expect(parse('audit', 'replay', '--help')).toEqual({ kind: 'help' });
  });

  it.each([
    [['audit', 'replay'], "needs --since"],
    [['audit', 'replay', '--since', 'yesterday'], "'yesterday' is neither"],
    [['audit', 'replay', '--since', '1h', '--until', '2h'], 'later than --since'],
    [['audit', 'replay', '--since', '1h', '--format', 'xml'], 'jsonl or csv'],
    [['audit', 'tail', '-n', 'ten'], '-n must be'],
    [['audit', 'tail', '-n', '-3'], ''],
    [['audit', 'tail', '--team', 't'], "--team does not apply to 'audit tail'"],
    [['audit', 'replay', '--since', '1h', '--follow'], '--follow does not apply'],
    [['audit', 'tail', '--colour'], "Unknown option '--colour'"],
    [['audit', 'list'], "unknown command 'audit list'"],
    [['keys'], "unknown command 'keys'"],
    [['audit', 'tail', 'extra'], "unexpected argument 'extra'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
});

describe('parseTime', () => {
  it.each([
    ['90s', '2026-11-22T11:58:30.000Z'],
    ['15m', '2026-11-22T11:45:00.000Z'],
    ['1h', '2026-11-22T11:00:00.000Z'],
    ['7d', '2026-11-15T12:00:00.000Z'],
    ['2w', '2026-11-08T12:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T08:15:00Z', '2026-11-20T08:15:00.000Z'],
    ['2026-11-20T08:15:00.250+02:00', '2026-11-20T06:15:00.250Z'],
    ['2026-11-20T08:15', '2026-11-20T08:15:00.000Z'], // no zone: UTC, not the machine's zone
  ])('%s → %s', (input, iso) => {
    expect(parseTime(input, now).toISOString()).toBe(iso);
  });

  it.each(['5', 'May 3', '1y', '2026-13-45', '-1h', ''])('rejects %j', (input) => {
    expect(() => parseTime(input, now)).toThrow(UsageError);
  });
});
