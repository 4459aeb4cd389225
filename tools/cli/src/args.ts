import { parseArgs } from 'node:util';

/** Bad arguments: the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const OutputFormat = { jsonl: 'jsonl', csv: 'csv' } as const;
export type OutputFormat = (typeof OutputFormat)[keyof typeof OutputFormat];

export type Command =
  | { kind: 'help' }
  | { kind: 'audit-tail'; nats: string; n: number; follow: boolean }
  | {
      kind: 'audit-replay';
      nats: string;
      since: Date;
      until: Date | null;
      team: string | null;
      requestId: string | null;
      format: OutputFormat;
    }
  | { kind: 'audit-verify'; nats: string; database: string; source: VerifySource; publicKeyFile: string | null }
  | { kind: 'ledger-rebuild'; nats: string; database: string }
  | { kind: 'audit-forget'; nats: string; scope: { user: string } | { team_id: string }; reason: string | null };

export const VerifySource = { stream: 'stream', table: 'table' } as const;
export type VerifySource = (typeof VerifySource)[keyof typeof VerifySource];

export const USAGE = `Usage:
  gatehouse audit tail [-n N] [--follow]          last N request events (default 20), then new ones
  gatehouse audit replay --since T [--until T] [--team ID] [--request-id ID] [--format jsonl|csv]
                                                   request events read back from JetStream
  gatehouse audit verify [--source stream|table] [--public-key FILE] [--database URL]
                                                   recompute the audit chain; exit 3 on any finding
  gatehouse audit forget --user ID | --team ID [--reason TEXT]
                                                   destroy the content data keys of a subject or team
  gatehouse ledger rebuild [--database URL]        drop the ledger's projections and replay the streams
                                                   (stop the ledger service first)
Options:
  --database URL the ledger's Postgres (default: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --nats URL     NATS server (default: NATS_URL, else the one npm start runs, else nats://127.0.0.1:4222)
  -h, --help     this text
Times are ISO 8601 (2026-11-22T10:00:00Z) or relative to now (90s, 15m, 1h, 7d, 2w).`;

const options = {
  n: { type: 'string', short: 'n' },
  follow: { type: 'boolean', short: 'f' },
  since: { type: 'string' },
  until: { type: 'string' },
  team: { type: 'string' },
  'request-id': { type: 'string' },
  format: { type: 'string' },
  nats: { type: 'string' },
  database: { type: 'string' },
  source: { type: 'string' },
  'public-key': { type: 'string' },
  user: { type: 'string' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
type OptionName = keyof typeof options;

const allowed: Record<'tail' | 'replay' | 'verify' | 'rebuild' | 'forget', readonly OptionName[]> = {
  tail: ['n', 'follow', 'nats'],
  replay: ['since', 'until', 'team', 'request-id', 'format', 'nats'],
  verify: ['source', 'public-key', 'database', 'nats'],
  rebuild: ['database', 'nats'],
  forget: ['user', 'team', 'reason', 'nats'],
};
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** argv (without node and script) → the command to run. Pure: `now` and `env` are passed in. */
/**
 * `localNats` is the NATS URL a running `npm start` recorded in `.data/runtime.json` (its NATS
 * may be on a free port, not 4222): used when neither --nats nor NATS_URL says otherwise.
 */
export function parseCommand(argv: readonly string[], now: Date, env: Record<string, string | undefined> = {}, localNats: string | null = null): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [group, verb, ...rest] = positionals;
  const known = (group === 'audit' && (verb === 'tail' || verb === 'replay' || verb === 'verify' || verb === 'forget')) || (group === 'ledger' && verb === 'rebuild');
  if (!known) throw new UsageError(`unknown command '${positionals.slice(0, 2).join(' ')}'`);
  const op = verb as keyof typeof allowed;
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const given = (Object.keys(values) as OptionName[]).filter((k) => k !== 'help');
  const misplaced = given.find((k) => !allowed[op].includes(k));
  if (misplaced) throw new UsageError(`option --${misplaced} does not apply to '${group} ${verb}'`);

  const nats = values.nats || env.NATS_URL || localNats || 'nats://127.0.0.1:4222';
  const database = values.database || env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (op === 'rebuild') return { kind: 'ledger-rebuild', nats, database };
  if (op === 'forget') return forgetCommand(nats, values.user, values.team, values.reason);
  if (op === 'verify') {
    const source = values.source ?? VerifySource.stream;
    if (source !== VerifySource.stream && source !== VerifySource.table) throw new UsageError(`--source must be stream or table, not '${source}'`);
    return { kind: 'audit-verify', nats, database, source, publicKeyFile: values['public-key'] ?? null };
  }
  if (op === 'tail') return { kind: 'audit-tail', nats, n: parseCount(values.n ?? '20'), follow: values.follow ?? false };

  if (values.since === undefined) throw new UsageError("'audit replay' needs --since");
  const since = parseTime(values.since, now, '--since');
  const until = values.until === undefined ? null : parseTime(values.until, now, '--until');
  if (until && until <= since) throw new UsageError('--until must be later than --since');
  const format = values.format ?? OutputFormat.jsonl;
  if (format !== OutputFormat.jsonl && format !== OutputFormat.csv) throw new UsageError(`--format must be jsonl or csv, not '${format}'`);
  return { kind: 'audit-replay', nats, since, until, team: values.team ?? null, requestId: values['request-id'] ?? null, format };
}

function parseCount(s: string): number {
  if (!/^\d{1,6}$/.test(s)) throw new UsageError(`-n must be a whole number from 0 to 999999, not '${s}'`);
  return Number(s);
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** An ISO 8601 time with a date (time zone defaults to UTC), or a span back from `now` (`90s`, `15m`, `1h`, `7d`, `2w`). */
export function parseTime(s: string, now: Date, what = 'time'): Date {
  const rel = /^(\d+)\s*([smhdw])$/.exec(s.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2] as keyof typeof UNIT_MS]);
  // Date.parse alone accepts '5' or 'May 3'; demand a real calendar date first.
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s.trim())) {
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s.trim()) || s.trim().length === 10;
    const t = Date.parse(hasZone ? s.trim() : `${s.trim()}Z`);
    if (!Number.isNaN(t)) return new Date(t);
  }
  throw new UsageError(`${what}: '${s}' is neither an ISO time (2026-11-22T10:00:00Z) nor a relative one (15m, 1h, 7d)`);
}

function forgetCommand(nats: string, user: string | undefined, team: string | undefined, reason: string | undefined): Command {
  if ((user === undefined) === (team === undefined)) throw new UsageError("'audit forget' needs exactly one of --user or --team");
  if ((user ?? team) === '') throw new UsageError('--user / --team must not be empty');
  return { kind: 'audit-forget', nats, scope: user !== undefined ? { user } : { team_id: team! }, reason: reason ?? null };
}
