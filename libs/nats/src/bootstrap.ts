import { type ArgumentsHost, Catch, type RpcExceptionFilter, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';
import type { NatsConnection } from '@nats-io/transport-node';
import { type RpcContract, type ServiceName } from '@gatehouse/contracts';
import { connectNats } from './connection';
import { NatsRpcTransport } from './rpc-server';
import { ensureStreams } from './jetstream';
import { createLogger, enableProcessMetrics, PinoNestLogger, startMetricsServer, startTracing } from '@gatehouse/telemetry';
import { serveLogLevel } from './log-level';
import { trackConnected } from './connected';

/** Lets a handler's GatehouseError reach the transport as it is (Nest would replace it). */
@Catch()
export class PassThroughRpcErrors implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

export interface RpcServiceOptions {
  service: ServiceName;
  /** Builds the root module once the NATS connection exists. */
  module: (nc: NatsConnection) => Type<unknown> | import('@nestjs/common').DynamicModule;
  contracts: readonly RpcContract[];
  streaming?: readonly RpcContract[];
  /** Readiness and details for `gh.rpc.<service>.ping.v1`, read from the running app. */
  health?: (app: INestMicroservice) => { ready: boolean; details?: Record<string, unknown> };
  natsUrl?: string;
  logger?: import('@nestjs/common').LoggerService | false;
}

export interface RunningService {
  app: INestMicroservice;
  nc: NatsConnection;
  close(): Promise<void>;
}

/** Starts one NATS-served NestJS service: connect, make sure streams exist, serve, drain on close. */
export async function startRpcService(opts: RpcServiceOptions): Promise<RunningService> {
  const tracing = startTracing(opts.service);
  enableProcessMetrics(opts.service);
  const nc = await connectNats({ url: opts.natsUrl, name: `${opts.service}-${process.pid}` });
  await ensureStreams(nc);
  let app: INestMicroservice | null = null;
  const connected = trackConnected(nc);
  // Not ready while NATS is unreachable, nor before the service's own state is (opts.health).
  const health = () => {
    const own = app && opts.health ? opts.health(app) : { ready: app !== null };
    return { ...own, ready: own.ready && connected() };
  };
  const log = createLogger(opts.service);
  app = await NestFactory.createMicroservice(opts.module(nc), {
    strategy: new NatsRpcTransport(nc, { service: opts.service, contracts: opts.contracts, streaming: opts.streaming, health }),
    // Framework and `new Logger(ctx)` lines as pino JSON (service name, scrubbed, run-time level).
    logger: opts.logger ?? new PinoNestLogger(log),
  });
  const levelSubs = serveLogLevel(nc, opts.service);
  app.useGlobalFilters(new PassThroughRpcErrors());
  await app.listen();
  const metrics = process.env.METRICS_PORT ? await startMetricsServer(Number(process.env.METRICS_PORT), () => health().ready) : null;
  const running = app;
  return {
    app: running,
    nc,
    async close() {
      for (const s of levelSubs) s.unsubscribe();
      metrics?.close();
      await running.close();
      await nc.drain();
      await tracing.shutdown();
    },
  };
}

/**
 * Runs a service as a process: starts it, logs one JSON line when ready, and on SIGTERM/SIGINT
 * closes it (leaving its queue groups first, finishing in-flight work) before exiting. A start
 * failure is one line and exit code 1, not a stack dump.
 */
export function runAsProcess(name: string, start: () => Promise<{ close(): Promise<void> }>): void {
  const line = (level: string, msg: string) =>
    process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: name, pid: process.pid, msg })}\n`);
  start().then(
    (svc) => {
      line('info', `${name} ready`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) process.exit(1);
        stopping = true;
        line('info', `${name} stopping (${signal})`);
        svc.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    },
    (err: Error) => {
      line('error', `${name} failed to start: ${err.message}`);
      process.exit(1);
    },
  );
}
