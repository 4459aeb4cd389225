import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type Command, parseCommand, UsageError, USAGE } from './args';
import { auditReplay, auditTail } from './audit';
import { auditForget } from './forget';
import { ledgerRebuild } from './ledger';
import { streamOutput } from './output';
import { auditVerify } from './verify';
import { StreamMissingError } from './read-events';

/** `findings`: `audit verify` found tampering (or a gap) in the audit chain. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, findings: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  now?: () => Date;
  /** Ends a `--follow` (Ctrl-C). */
  signal?: AbortSignal;
  /** The NATS of a local `npm start`, from its runtime file. */
  localNats?: string | null;
}

/** Runs one `gatehouse …` invocation and returns its exit code; failures are one line on stderr, no stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr.write(`gatehouse: ${message}\n`);
    return code;
  };
  let cmd: Command;
  try {
    cmd = parseCommand(argv, io.now?.() ?? new Date(), io.env, io.localNats ?? null);
  } catch (err) {
    if (err instanceof UsageError) return fail(ExitCode.usage, `${err.message}\n(see 'gatehouse --help')`);
    throw err;
  }
  if (cmd.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return ExitCode.ok;
  }

  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: cmd.nats.split(',').map((s) => s.trim()),
      name: `gatehouse-cli-${process.pid}`,
      noAsyncTraces: true,
      timeout: 5_000,
      // A bounded read should fail rather than wait; a follow rides out a NATS restart.
      maxReconnectAttempts: cmd.kind === 'audit-tail' && cmd.follow ? -1 : 3,
    });
  } catch (err) {
    return fail(ExitCode.failure, `cannot reach NATS at ${withoutCredentials(cmd.nats)}: ${oneLine(err)}`);
  }
  try {
    const out = streamOutput(io.stdout, io.stderr);
    switch (cmd.kind) {
      case 'audit-tail':
        await auditTail(nc, cmd, out, io.signal);
        break;
      case 'audit-replay':
        await auditReplay(nc, cmd, out, io.signal);
        break;
      case 'audit-verify':
        if ((await auditVerify(nc, cmd, out)) > 0) return ExitCode.findings;
        break;
      case 'audit-forget':
        await auditForget(nc, cmd, out, io.env, io.now?.() ?? new Date());
        break;
      case 'ledger-rebuild':
        await ledgerRebuild(nc, cmd, out, io.signal);
        break;
      default: {
        const never: never = cmd;
        throw new Error(`unhandled command ${String(never)}`);
      }
    }
    return ExitCode.ok;
  } catch (err) {
    if (err instanceof StreamMissingError) return fail(ExitCode.failure, `${err.message} (has the gateway run yet?)`);
    return fail(ExitCode.failure, oneLine(err));
  } finally {
    await nc.close().catch(() => undefined);
  }
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0] ?? msg;
}

/** NATS URLs may carry `user:password@`: never echo them. */
export function withoutCredentials(urls: string): string {
  return urls
    .split(',')
    .map((u) => u.trim().replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1'))
    .join(',');
}
