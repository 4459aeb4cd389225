import { type ChildProcess, fork } from 'node:child_process';
import cluster from 'node:cluster';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextAttempt, restartDelay } from './backoff';
import { isReadyLine, lineSplitter, prefixLine } from './lines';
import type { ProcessSpec } from './plan';

export interface SupervisorOptions {
  /** Where a child's prefixed lines go (stdout lines to `out`, stderr lines to `err`). */
  out(line: string): void;
  err(line: string): void;
  /** The launcher's own messages. */
  note(msg: string): void;
  policy?: BackoffPolicy;
  stopGraceMs?: number;
}

/**
 * Keeps one service process running: forks it (a plain fork, or a `node:cluster` worker for
 * ingress, whose listening socket the launcher holds), relays its logs, restarts it after a crash
 * with backoff. A cluster worker's `.process` is a ChildProcess like a fork: the rest is the same.
 */
export class Supervised {
  private proc: ChildProcess | null = null;
  private stopping = false;
  private attempt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readyWaiters: (() => void)[] = [];
  private ready = false;

  constructor(
    readonly spec: ProcessSpec,
    private readonly opts: SupervisorOptions,
  ) {}

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** Forks the child; resolves once it reported ready, or after `readyTimeoutMs` (with a note). */
  start(readyTimeoutMs: number): Promise<void> {
    this.spawn();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.opts.note(`${this.spec.label} did not report ready within ${readyTimeoutMs} ms; continuing`);
        resolve();
      }, readyTimeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves once the child has reported ready (at once if it already has; also on stop). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** SIGTERM (the service drains), SIGKILL after the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.markReady(); // release anyone still waiting on a start
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => {
        this.opts.note(`${this.spec.label} did not stop in time; killing it`);
        proc.kill('SIGKILL');
      }, this.opts.stopGraceMs ?? 10_000);
      proc.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  }

  kill(): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.proc?.kill('SIGKILL');
  }

  private spawn(): void {
    if (this.stopping) return;
    const { spec } = this;
    const env: NodeJS.ProcessEnv = { ...process.env, ...spec.env };
    if (!('PORT' in spec.env)) delete env.PORT; // only ingress listens on PORT
    const startedAt = Date.now();
    const proc = spec.clusterWorker ? forkWorker(spec.script, env) : forkService(spec.script, env);
    this.proc = proc;
    this.relay(proc.stdout!, this.opts.out, true);
    this.relay(proc.stderr!, this.opts.err, false);
    proc.on('message', (m) => {
      if (m === 'ready' || (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready')) this.markReady();
    });
    proc.on('error', (err) => this.opts.note(`${spec.label}: ${err.message}`));
    proc.on('exit', (code, signal) => {
      if (this.stopping) return;
      const upMs = Date.now() - startedAt;
      this.attempt = nextAttempt(this.attempt, upMs, this.opts.policy ?? DEFAULT_BACKOFF);
      const delay = restartDelay(this.attempt - 1, this.opts.policy ?? DEFAULT_BACKOFF);
      this.opts.note(`${spec.label} exited (${signal ?? `code ${code}`}) after ${upMs} ms; restarting in ${delay} ms`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopping) this.spawn();
      }, delay);
    });
  }

  private relay(stream: Readable, sink: (line: string) => void, watchReady: boolean): void {
    const split = lineSplitter();
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const line of split.push(chunk)) {
        if (watchReady && !this.ready && isReadyLine(this.spec.service, line)) this.markReady();
        sink(prefixLine(this.spec.label, line));
      }
    });
    stream.on('end', () => split.flush().forEach((l) => sink(prefixLine(this.spec.label, l))));
  }

  private markReady(): void {
    this.ready = true;
    for (const w of this.readyWaiters.splice(0)) w();
  }
}

const execArgv = () => ['--enable-source-maps', '--require', join(__dirname, 'child-preload.js')];

function forkService(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return fork(script, [], {
    env,
    execArgv: execArgv(),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Own process group: a terminal Ctrl-C reaches only the launcher, which stops in order.
    detached: true,
  });
}

/**
 * A worker of the launcher's cluster: its `listen(PORT)` is served by the socket the launcher
 * holds, shared round-robin with the other workers. Cluster workers cannot be detached, so they
 * see a terminal's Ctrl-C too and ignore it (services/ingress/src/main.ts).
 */
function forkWorker(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // Round-robin (Linux's default, made explicit; frozen at the first setup): the launcher accepts
  // and hands each connection to a worker; one that stopped listening is skipped.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  // Settings apply to the next fork; every worker is set up the same way.
  cluster.setupPrimary({ exec: script, args: [], execArgv: execArgv(), silent: true });
  return cluster.fork(env).process;
}
