import type { ChildProcess } from 'node:child_process';

/**
 * Resolves once `proc` has written a line matching `ready` to stderr; rejects when it exits
 * first or `timeoutMs` passes, with what it said (so the user sees the server's own reason).
 */
export function waitForLog(proc: ChildProcess, ready: RegExp, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      proc.off('exit', onExit);
      proc.off('error', onError);
      proc.stderr?.off('data', onData);
      proc.stderr?.resume(); // keep draining, or a full pipe would block the server
      if (err) reject(err);
      else resolve();
    };
    const onData = (d: Buffer) => {
      log += d.toString();
      if (ready.test(log)) done();
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${what} exited (${signal ?? `code ${code}`}) before it was ready:\n${tail(log)}`));
    const onError = (err: Error) => done(err);
    const timer = setTimeout(() => done(new Error(`${what} not ready after ${timeoutMs} ms:\n${tail(log)}`)), timeoutMs);
    proc.stderr?.on('data', onData);
    proc.once('exit', onExit);
    proc.once('error', onError);
  });
}

/** SIGTERM (or `signal`), then SIGKILL after `graceMs`; resolves when the process has exited. */
export function stopChild(proc: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill(signal);
  });
}

function tail(log: string, lines = 20): string {
  return log.trimEnd().split('\n').slice(-lines).join('\n');
}
