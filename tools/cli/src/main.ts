// The `gatehouse` command (bin/gatehouse.js loads this file): wires the process to runCli.
import { readRuntimeFile } from '@gatehouse/config';
import { runCli } from './cli';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort()); // a second Ctrl-C kills as usual
process.once('SIGTERM', () => interrupted.abort());
// `gatehouse audit replay … | head` closes our stdout early: that is a normal end, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const localNats = readRuntimeFile()?.natsUrl ?? null;
runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: interrupted.signal, localNats }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gatehouse: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
