import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
}

/** Resident memory in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export interface Proc {
  name: string;
  child: ChildProcess;
}

/** Spawns a node script; resolves when a stdout line matches `ready` (or rejects after 20 s). */
export function spawnNode(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, nodeArgs: string[] = []): Promise<{ proc: Proc; line: string }> {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave an orphan behind a failed start
      reject(new Error(`${name} not ready in 20 s:\n${log}`));
    }, 20_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${log}`)));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (log.length < 20_000) log += `${line}\n`;
      if (ready.test(line)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ proc: { name, child }, line });
      }
    });
  });
}

export async function stopAll(procs: Proc[]): Promise<void> {
  await Promise.all(
    procs.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => (clearTimeout(kill), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
}
